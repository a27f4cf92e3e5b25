"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { inviteMemberAction } from "../actions";

export function InviteForm({ clinicId, canInviteOwner }: { clinicId: string; canInviteOwner: boolean }) {
  const [state, action] = useActionState(inviteMemberAction.bind(null, clinicId), initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={state.ok ? "" : state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Select
        label="Role"
        name="role"
        defaultValue={state.values?.role ?? "CLINICIAN"}
        errors={state.fieldErrors?.role}
        hint="Admins and owners manage members; only owners can add owners."
      >
        <option value="CLINICIAN">Clinician</option>
        <option value="ADMIN">Admin</option>
        {canInviteOwner && <option value="OWNER">Owner</option>}
      </Select>
      <SubmitButton pendingText="Sending invite…">Send invite</SubmitButton>
    </form>
  );
}
