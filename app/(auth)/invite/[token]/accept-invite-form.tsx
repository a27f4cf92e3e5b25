"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { initialFormState } from "@/lib/forms";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const [state, action] = useActionState(acceptInviteAction, initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="hasAccount" value={hasAccount ? "1" : "0"} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      {hasAccount ? (
        <Field
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.password}
        />
      ) : (
        <>
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={state.values?.name}
            errors={state.fieldErrors?.name}
          />
          <NewPasswordFields errors={state.fieldErrors} />
        </>
      )}
      <SubmitButton pendingText="Joining…" className="w-full">
        Accept invite
      </SubmitButton>
    </form>
  );
}
