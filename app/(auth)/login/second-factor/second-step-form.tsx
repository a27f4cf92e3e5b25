"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { secondStepAction } from "./actions";

export function SecondStepForm({ method, callbackUrl }: { method: "totp" | "recovery"; callbackUrl: string }) {
  const [state, action] = useActionState(secondStepAction, initialFormState);
  const other = `/login/second-factor?${new URLSearchParams({ callbackUrl, ...(method === "totp" ? { method: "recovery" } : {}) })}`;
  return (
    <form action={action} noValidate>
      <ErrorSummary state={state} />
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {method === "totp" ? (
        <Field label="6-digit code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={20} required hint="Open your authenticator app and type the code it shows for Handout Portal." errors={state.fieldErrors?.code} />
      ) : (
        <Field label="Recovery code" name="code" autoComplete="off" spellCheck={false} maxLength={64} required hint="One of the ten codes you saved when you set up two-step sign-in. Each one works once." errors={state.fieldErrors?.code} />
      )}
      <label className="mb-4 flex items-start gap-2 text-sm">
        <input type="checkbox" name="trust" className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600" />
        <span>
          <span className="font-medium">Trust this browser for 30 days</span>
          <span className="block text-slate-600">You will only need your password here. Do not tick this on a shared computer.</span>
        </span>
      </label>
      <SubmitButton pendingText="Checking…" className="w-full">
        Continue
      </SubmitButton>
      <p className="mt-4 text-center text-sm">
        <Link href={other} className="font-medium text-brand-700 underline">
          {method === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
        </Link>
      </p>
    </form>
  );
}
