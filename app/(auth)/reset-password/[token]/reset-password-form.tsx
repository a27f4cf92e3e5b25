"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { initialFormState } from "@/lib/forms";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary state={state} />
      <p className="mb-4 text-sm text-slate-700">
        Account: <strong>{email}</strong>
      </p>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pendingText="Saving…" className="w-full">
        Save new password
      </SubmitButton>
    </form>
  );
}
