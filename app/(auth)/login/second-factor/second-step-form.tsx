"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { secondStepAction } from "./actions";
import { TrustBrowser } from "./trust-browser";

export function SecondStepForm({ method, callbackUrl }: { method: "totp" | "recovery"; callbackUrl: string }) {
  const [state, action] = useActionState(secondStepAction, initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary state={state} />
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {method === "totp" ? (
        <Field
          label="6-digit code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={20}
          required
          hint="Open your authenticator app and type the code it shows for Handout Portal."
          errors={state.fieldErrors?.code}
        />
      ) : (
        <Field
          label="Recovery code"
          name="code"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
          hint="One of the ten codes you saved when you set up two-step sign-in. Each one works once."
          errors={state.fieldErrors?.code}
        />
      )}
      <TrustBrowser />
      <SubmitButton pendingText="Checking…" className="w-full">
        Continue
      </SubmitButton>
    </form>
  );
}
