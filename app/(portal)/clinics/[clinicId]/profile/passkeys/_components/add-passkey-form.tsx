"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { RecoveryCodeList } from "@/components/accounts/recovery-code-list";
import { registerPasskey } from "@/components/accounts/passkey-ceremony";
import type { FormState } from "@/lib/forms";
import { addPasskeyAction, passkeyRegistrationOptionsAction } from "../actions";

/** Name a passkey, then let the browser make it; the first one of an account without codes brings ten recovery codes. */
export function AddPasskeyForm({ clinicId, suggestedName }: { clinicId: string; suggestedName: string }) {
  const [state, setState] = useState<FormState<{ recoveryCodes: string[] | null }>>({ ok: false });
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setBusy(true);
    const result = await registerPasskey(
      passkeyRegistrationOptionsAction.bind(null, clinicId),
      addPasskeyAction.bind(null, clinicId),
      { name },
    );
    setBusy(false);
    setState(result);
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {state.ok && state.data?.recoveryCodes && <RecoveryCodeList codes={state.data.recoveryCodes} />}
      <ErrorSummary state={state} />
      <Field
        label="Name"
        name="name"
        maxLength={60}
        required
        defaultValue={state.values?.name ?? suggestedName}
        hint="So you can tell your passkeys apart, for example “Work laptop” or “My phone”."
        errors={state.fieldErrors?.name}
      />
      <button type="submit" disabled={busy} aria-disabled={busy} className={buttonClass("primary")}>
        {busy ? "Waiting for your device…" : "Add a passkey"}
      </button>
    </form>
  );
}
