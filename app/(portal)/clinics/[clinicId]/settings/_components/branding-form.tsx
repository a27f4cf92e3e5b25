"use client";

import { useActionState, useState } from "react";
import { Field, Select, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { contrastRatio, textColorOn } from "@/lib/colors";
import { initialFormState } from "@/lib/forms";
import { updateBrandingAction } from "../actions";
import { HANDOUT_LANGUAGES } from "@/lib/i18n/messages";
import { languageName } from "@/lib/guides/variant-labels";

type Values = {
  name: string;
  primaryColor: string;
  accentColor: string;
  phone: string;
  email: string;
  address: string;
  website: string;
  hours: string;
  pageSize: "LETTER" | "A4";
  notesPosition: "TOP" | "END";
  extraDisclaimer: string;
  linksByDefault: boolean;
  linkDays: string;
  reviewMonths: string;
  defaultLanguage: string;
  defaultLevel: string;
};

const isHex = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);

export function BrandingForm({
  clinicId,
  initial,
  logoUrl,
}: {
  clinicId: string;
  initial: Values;
  logoUrl: string | null;
}) {
  const [state, action] = useActionState(updateBrandingAction.bind(null, clinicId), initialFormState);
  const [v, setV] = useState(initial);
  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.target.value });
  const e = state.fieldErrors ?? {};
  const primary = isHex(v.primaryColor) ? v.primaryColor : "#1d4e89";
  const ratio = contrastRatio("#ffffff", primary);
  return (
    <form action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <Field label="Clinic name" name="name" value={v.name} onChange={set("name")} required errors={e.name} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <div>
          <Field
            label="Primary colour"
            name="primaryColor"
            value={v.primaryColor}
            onChange={set("primaryColor")}
            hint="#rrggbb, used for the colour bar and headings."
            errors={e.primaryColor}
          />
          <input
            type="color"
            aria-label="Pick the primary colour"
            value={primary}
            onChange={set("primaryColor")}
            className="-mt-2 mb-2 h-8 w-16"
          />
        </div>
        <div>
          <Field
            label="Accent colour"
            name="accentColor"
            value={v.accentColor}
            onChange={set("accentColor")}
            hint="#rrggbb, the background of the notes box."
            errors={e.accentColor}
          />
          <input
            type="color"
            aria-label="Pick the accent colour"
            value={isHex(v.accentColor) ? v.accentColor : "#e8f0f8"}
            onChange={set("accentColor")}
            className="-mt-2 mb-2 h-8 w-16"
          />
        </div>
      </div>
      <p className="mb-4 text-sm" role="status">
        White text on the primary colour: contrast <strong>{ratio.toFixed(1)}:1</strong>.{" "}
        {ratio < 4.5 ? (
          <span className="font-semibold text-amber-900">
            Below 4.5:1 (WCAG AA): handouts will use dark text on it instead.
          </span>
        ) : (
          <span className="text-green-900">Meets WCAG AA.</span>
        )}
      </p>

      <section
        aria-label="Header and footer preview"
        className="mb-6 overflow-hidden rounded border border-slate-300 bg-white text-xs"
      >
        <div className="flex items-center gap-3 p-3" style={{ background: primary, color: textColorOn(primary) }}>
          {logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- a member-only route; next/image would proxy it
            <img src={logoUrl} alt="" className="h-8 rounded bg-white p-0.5" />
          )}
          <div>
            <p className="text-sm font-bold">{v.name || "Clinic name"}</p>
            <p>{v.phone}</p>
          </div>
        </div>
        <div
          className="h-10"
          style={{ background: isHex(v.accentColor) ? v.accentColor : "#e8f0f8" }}
          aria-hidden="true"
        />
        <div className="flex justify-between border-t border-slate-200 px-3 py-2 text-slate-700">
          <span>{[v.name, v.phone].filter(Boolean).join(" · ")}</span>
          <span>Page 1 of 2</span>
        </div>
      </section>

      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Phone" name="phone" type="tel" value={v.phone} onChange={set("phone")} errors={e.phone} />
        <Field label="Email" name="email" type="email" value={v.email} onChange={set("email")} errors={e.email} />
        <Field
          label="Website"
          name="website"
          type="url"
          value={v.website}
          onChange={set("website")}
          errors={e.website}
        />
        <Field label="Opening hours" name="hours" value={v.hours} onChange={set("hours")} errors={e.hours} />
      </div>
      <Field label="Address" name="address" value={v.address} onChange={set("address")} errors={e.address} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Select label="Page size" name="pageSize" value={v.pageSize} onChange={set("pageSize")} errors={e.pageSize}>
          <option value="LETTER">US Letter</option>
          <option value="A4">A4</option>
        </Select>
        <Select
          label="Clinician notes go"
          name="notesPosition"
          value={v.notesPosition}
          onChange={set("notesPosition")}
          errors={e.notesPosition}
        >
          <option value="TOP">After the title</option>
          <option value="END">At the end</option>
        </Select>
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Select
          label="Handouts start in"
          name="defaultLanguage"
          value={v.defaultLanguage}
          onChange={set("defaultLanguage")}
          errors={e.defaultLanguage}
          hint="When the guide has a version in this language."
        >
          {HANDOUT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </Select>
        <Select
          label="Reading level"
          name="defaultLevel"
          value={v.defaultLevel}
          onChange={set("defaultLevel")}
          errors={e.defaultLevel}
          hint="Plain language when the guide has it."
        >
          <option value="plain">Plain language</option>
          <option value="standard">Standard</option>
        </Select>
      </div>
      <TextArea
        label="Extra disclaimer line (optional)"
        name="extraDisclaimer"
        rows={2}
        value={v.extraDisclaimer}
        onChange={set("extraDisclaimer")}
        errors={e.extraDisclaimer}
        hint="Printed under the disclaimer of every handout."
      />
      <fieldset className="mb-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Patient links</legend>
        <p className="mb-3 text-sm text-slate-700">
          A patient link puts a QR code and a short address on the handout: the patient reads it on their phone, with no
          account, until the link expires or you withdraw it.
        </p>
        <label className="mb-3 flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="linksByDefault"
            checked={v.linksByDefault}
            onChange={(ev) => setV({ ...v, linksByDefault: ev.target.checked })}
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
          />
          <span>New handouts get a patient link (the clinician can turn it off for one handout)</span>
        </label>
        <Field
          label="Links work for (days)"
          name="linkDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={v.linkDays}
          onChange={set("linkDays")}
          hint="1 to 365 days from when the handout is made."
          errors={e.linkDays}
          className="max-w-32"
        />
      </fieldset>
      <fieldset className="mb-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">Guide reviews</legend>
        <Field
          label="Review guides every (months)"
          name="reviewMonths"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          value={v.reviewMonths}
          onChange={set("reviewMonths")}
          hint="A guide is due for review this long after it was last reviewed or published. 24 months is common."
          errors={e.reviewMonths}
          className="max-w-32"
        />
      </fieldset>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
