"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { updateProfileAction } from "./actions";

export function ProfileForm({
  clinicId,
  initial,
}: {
  clinicId: string;
  initial: { name: string; credentials: string; directPhone: string };
}) {
  const [state, action] = useActionState(updateProfileAction.bind(null, clinicId), initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <Field
        label="Display name"
        name="name"
        required
        autoComplete="name"
        defaultValue={state.values?.name ?? initial.name}
        errors={e.name}
      />
      <Field
        label="Credentials"
        name="credentials"
        hint='For example "DC" or "PT, DPT".'
        defaultValue={state.values?.credentials ?? initial.credentials}
        errors={e.credentials}
      />
      <Field
        label="Direct phone"
        name="directPhone"
        type="tel"
        defaultValue={state.values?.directPhone ?? initial.directPhone}
        errors={e.directPhone}
      />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
