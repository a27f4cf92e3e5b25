"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { initialFormState } from "@/lib/forms";
import { changePasswordAction } from "../password-actions";

export function ChangePasswordForm({ clinicId, email }: { clinicId: string; email: string }) {
  const [state, action] = useActionState(changePasswordAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action} noValidate>
      <h2 className="mb-1 text-lg font-semibold">Password</h2>
      <p className="mb-4 text-sm text-slate-700">
        Changing it signs you out everywhere else, trusted browsers included; this browser stays signed in.
      </p>
      <ErrorSummary state={state} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
