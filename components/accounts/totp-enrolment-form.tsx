"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { RecoveryCodeList } from "@/components/accounts/recovery-code-list";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState<{ codes: string[] }>, formData: FormData) => Promise<FormState<{ codes: string[] }>>;

/**
 * Setting up an authenticator app: the QR code and the key as text, then the first code. When it is right,
 * the recovery codes are shown once, with the way on (`next`).
 */
export function TotpEnrolmentForm({
  action,
  qr,
  secretText,
  enrolment,
  callbackUrl,
  next,
  signedIn = false,
}: {
  action: Action;
  qr: string;
  secretText: string;
  enrolment: string;
  callbackUrl?: string;
  next: { href: string; label: string };
  /** Set-up during sign-in, now done: the page re-renders signed in (the action set the session cookie). */
  signedIn?: boolean;
}) {
  const [state, formAction] = useActionState(action, { ok: false } as FormState<{ codes: string[] }>);
  if (state.ok && state.data) {
    return (
      <div>
        <p role="status" className="mb-4 font-medium text-green-800">
          Two-step sign-in is on.
        </p>
        <RecoveryCodeList codes={state.data.codes} />
        {/* A full page load, so every part of the portal sees the new session. */}
        <a href={next.href} className={buttonClass("primary", "w-full")}>
          {next.label}
        </a>
      </div>
    );
  }
  if (signedIn) {
    return (
      <a href={next.href} className={buttonClass("primary", "w-full")}>
        You are signed in: continue
      </a>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} />
      <input type="hidden" name="enrolment" value={enrolment} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <ol className="mb-4 list-decimal space-y-3 pl-5 text-sm text-slate-800">
        <li>
          Install an authenticator app on your phone if you do not have one, for example Google Authenticator, Microsoft
          Authenticator or 1Password.
        </li>
        <li>
          In the app, add an account and scan this QR code.
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; nothing to optimise */}
          <img
            src={qr}
            alt="QR code that adds Handout Portal to your authenticator app"
            width={200}
            height={200}
            className="mt-2 block"
          />
          <span className="mt-2 block">Cannot scan it? Type this key into the app instead:</span>
          <code id="totp-secret" className="mt-1 block rounded bg-slate-100 px-2 py-1 font-mono text-base break-all">
            {secretText}
          </code>
        </li>
        <li>Type the 6-digit code the app now shows.</li>
      </ol>
      <Field
        label="6-digit code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={20}
        required
        errors={state.fieldErrors?.code}
      />
      <SubmitButton pendingText="Checking…" className="w-full">
        Turn on two-step sign-in
      </SubmitButton>
    </form>
  );
}
