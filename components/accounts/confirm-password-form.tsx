"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** "Confirm it's you": the password again before the sign-in settings open (lib/accounts/recent-sign-in.ts). */
export function ConfirmPasswordForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <h2 className="mb-1 text-lg font-semibold">Confirm it is you</h2>
      <p className="mb-4 text-sm text-slate-700">
        Changes to how you sign in need your password again when you signed in more than 10 minutes ago. You will not be
        asked again for the next 10 minutes.
      </p>
      {/* For password managers: which account this password is for. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      {state.message && !state.fieldErrors?.password && (
        <p role="alert" className="mb-3 text-sm font-medium text-red-800">
          {state.message}
        </p>
      )}
      <Field
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingText="Checking…">Confirm</SubmitButton>
    </form>
  );
}
