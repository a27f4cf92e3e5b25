"use client";

import { useActionState } from "react";
import { Field, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { updateSsoSettingsAction } from "../actions";

export type SsoFormValues = {
  issuer: string;
  clientId: string;
  domains: string;
  enabled: boolean;
  allowJit: boolean;
  requireSso: boolean;
};

function Switch({ name, checked, title, detail }: { name: string; checked: boolean; title: string; detail: string }) {
  return (
    <label className="mb-3 flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        defaultChecked={checked}
        className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
      />
      <span>
        <span className="font-medium">{title}</span>
        <span className="block text-slate-700">{detail}</span>
      </span>
    </label>
  );
}

export function SsoSettingsForm({
  clinicId,
  initial,
  hasSecret,
}: {
  clinicId: string;
  initial: SsoFormValues;
  hasSecret: boolean;
}) {
  const [state, action] = useActionState(updateSsoSettingsAction.bind(null, clinicId), initialFormState);
  const e = state.fieldErrors ?? {};
  // After a refused save the form shows what was typed; after a save, what is stored now.
  const v = state.values;
  const checked = (name: keyof SsoFormValues) => (v ? v[name] === "on" : (initial[name] as boolean));
  return (
    <form action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <Field
        label="Issuer URL"
        name="issuer"
        type="url"
        defaultValue={v?.issuer ?? initial.issuer}
        required
        hint="Exactly as your provider publishes it, e.g. https://login.example.org/realms/clinic. The portal reads its OpenID configuration from there."
        errors={e.issuer}
      />
      <Field
        label="Client ID"
        name="clientId"
        defaultValue={v?.clientId ?? initial.clientId}
        required
        autoComplete="off"
        spellCheck={false}
        errors={e.clientId}
      />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        hint={
          hasSecret
            ? "Saved and encrypted. Leave empty to keep it; type a new one to replace it."
            : "Stored encrypted; it is never shown again."
        }
        errors={e.clientSecret}
      />
      <TextArea
        label="Email domains"
        name="domains"
        rows={3}
        defaultValue={v?.domains ?? initial.domains}
        hint="One per line. Your provider may sign in addresses at these domains only; each domain can belong to one clinic."
        errors={e.domains}
      />
      <fieldset className="mb-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Who signs in how</legend>
        <Switch
          name="enabled"
          checked={checked("enabled")}
          title="Members can sign in with single sign-on"
          detail="“Sign in with single sign-on” on the sign-in page sends people with these addresses to your provider."
        />
        <Switch
          name="allowJit"
          checked={checked("allowJit")}
          title="New people join as clinicians at their first sign-in (just-in-time)"
          detail="Anyone your provider signs in with a verified address at these domains gets an account. Off: they need an invite first."
        />
        <Switch
          name="requireSso"
          checked={checked("requireSso")}
          title="Require single sign-on"
          detail="Members can no longer sign in with a password. Owners still can, with their two-step sign-in, as a break-glass path if the provider is down; each use is recorded in Activity."
        />
        {e.requireSso && <p className="text-sm font-medium text-red-800">{e.requireSso.join(" ")}</p>}
      </fieldset>
      <SubmitButton pendingText="Checking the provider…">Save single sign-on</SubmitButton>
    </form>
  );
}
