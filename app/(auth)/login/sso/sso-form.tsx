"use client";

import { useActionState, useEffect } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { startSignOnAction } from "./actions";

export function SingleSignOnForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail: string }) {
  const [state, action] = useActionState(startSignOnAction, initialFormState);
  const url = state.ok ? state.data?.url : undefined;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return (
    <form action={action} noValidate>
      <ErrorSummary state={state} />
      {url && (
        <p role="status" className="mb-4 text-sm text-slate-700">
          Taking you to your clinic&apos;s sign-in…
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="username"
        required
        hint="The address your clinic gave you. We find your clinic's sign-in from it."
        defaultValue={state.values?.email ?? defaultEmail}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pendingText="Finding your clinic…" className="w-full">
        Continue
      </SubmitButton>
    </form>
  );
}
