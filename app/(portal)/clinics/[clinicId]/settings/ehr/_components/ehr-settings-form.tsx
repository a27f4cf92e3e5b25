"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { saveEhrSettingsAction } from "../actions";

export type EhrFormValues = { fhirBaseUrl: string; clientId: string; authMethod: string; preparedFor: string };

function Choice({
  name,
  value,
  checked,
  title,
  detail,
}: {
  name: string;
  value: string;
  checked: boolean;
  title: string;
  detail?: string;
}) {
  return (
    <label className="mb-2 flex items-start gap-2 text-sm">
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={checked}
        className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
      />
      <span>
        <span className="font-medium">{title}</span>
        {detail && <span className="block text-slate-700">{detail}</span>}
      </span>
    </label>
  );
}

export function EhrSettingsForm({
  clinicId,
  initial,
  hasSecret,
}: {
  clinicId: string;
  initial: EhrFormValues;
  hasSecret: boolean;
}) {
  const [state, action] = useActionState(saveEhrSettingsAction.bind(null, clinicId), initialFormState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  const value = (name: keyof EhrFormValues) => (v?.[name] as string | undefined) ?? initial[name];
  return (
    <form action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <Field
        label="FHIR base URL"
        name="fhirBaseUrl"
        type="url"
        defaultValue={value("fhirBaseUrl")}
        required
        hint="The EHR's FHIR R4 endpoint, the “iss” of its launches, e.g. https://fhir.example-ehr.com/api/FHIR/R4. The portal reads its SMART configuration from there."
        errors={e.fhirBaseUrl}
      />
      <Field
        label="Client ID"
        name="clientId"
        defaultValue={value("clientId")}
        required
        autoComplete="off"
        spellCheck={false}
        errors={e.clientId}
      />
      <fieldset className="mb-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">How the portal signs in to the EHR</legend>
        <Choice
          name="authMethod"
          value="private_key_jwt"
          checked={value("authMethod") === "private_key_jwt"}
          title="The portal's key (recommended)"
          detail="The EHR fetches the portal's public key from the key set URL; no secret to copy or rotate."
        />
        <Choice
          name="authMethod"
          value="client_secret_basic"
          checked={value("authMethod") === "client_secret_basic"}
          title="A client secret"
        />
        {e.authMethod && <p className="text-sm font-medium text-red-800">{e.authMethod.join(" ")}</p>}
      </fieldset>
      <Field
        label="Client secret (only with a client secret)"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        hint={hasSecret ? "Saved and encrypted. Leave empty to keep it." : "Stored encrypted; it is never shown again."}
        errors={e.clientSecret}
      />
      <fieldset className="mb-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">“Prepared for” on handouts opened from the EHR</legend>
        <Choice
          name="preparedFor"
          value="initials"
          checked={value("preparedFor") === "initials"}
          title="The patient's initials (J. D.)"
        />
        <Choice
          name="preparedFor"
          value="first-name"
          checked={value("preparedFor") === "first-name"}
          title="The patient’s first name"
        />
        <Choice
          name="preparedFor"
          value="none"
          checked={value("preparedFor") === "none"}
          title="Nothing: the clinician types it"
        />
        {e.preparedFor && <p className="text-sm font-medium text-red-800">{e.preparedFor.join(" ")}</p>}
      </fieldset>
      <SubmitButton pendingText="Checking the EHR…">Save EHR connection</SubmitButton>
    </form>
  );
}
