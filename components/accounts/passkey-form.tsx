"use client";

import { useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";
import { authenticateWithPasskey, type AuthenticationOptionsAction } from "@/components/accounts/passkey-ceremony";

type Finish = (prev: FormState, formData: FormData) => Promise<FormState<{ next: string }>>;

/**
 * Signing in with a passkey (on its own, or as the second step): the form's fields (a callback, "trust this
 * browser") go with the answer; once it is accepted, a full navigation to where the action says, so every
 * server component sees the new session cookie.
 */
export function PasskeyForm({
  start,
  finish,
  label,
  variant = "primary",
  children,
}: {
  start: AuthenticationOptionsAction;
  finish: Finish;
  label: string;
  variant?: ButtonVariant;
  children?: React.ReactNode;
}) {
  const [state, setState] = useState<FormState>(initialFormState);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = Object.fromEntries(
      [...new FormData(e.currentTarget)].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
    setBusy(true);
    const result = await authenticateWithPasskey(start, finish, fields);
    if (result.ok && result.data) {
      window.location.assign(result.data.next);
      return;
    }
    setBusy(false);
    setState({ ok: false, message: result.message ?? "Your passkey could not be used. Try again." });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary state={state} />
      {children}
      <button type="submit" disabled={busy} aria-disabled={busy} className={buttonClass(variant, "w-full")}>
        {busy ? "Waiting for your passkey…" : label}
      </button>
    </form>
  );
}
