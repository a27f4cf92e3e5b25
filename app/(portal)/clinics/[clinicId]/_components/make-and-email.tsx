"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import type { RecipientCheck } from "@/lib/deliveries/schemas";
import { RecipientCheckBox } from "@/components/handouts/recipient-check";
import { EmailModeChoice, type EmailMode } from "@/components/handouts/email-mode";
import { makeAndEmailAction } from "../actions";

const newKey = () => crypto.randomUUID().replace(/-/g, "");

/**
 * A template's "Make and email": opens a small form asking only for the patient's address and their
 * consent, then makes the handout and queues the email in one request (one key per form, so a double click
 * makes one handout and one email).
 */
export function MakeAndEmail({
  clinicId,
  template,
  withLink,
}: {
  clinicId: string;
  template: { id: string; name: string };
  withLink: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<EmailMode>(withLink ? "LINK" : "ATTACHMENT");
  const [key] = useState(newKey);
  const [state, action] = useActionState(makeAndEmailAction.bind(null, clinicId), { ok: false } as FormState<{
    check: RecipientCheck;
  }>);
  const e = state.fieldErrors ?? {};
  const id = `mae-${template.id}`;
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={false}
        aria-controls={id}
        className={buttonClass("secondary")}
      >
        Make and email<span className="sr-only"> “{template.name}”</span>
      </button>
    );
  }
  return (
    <form id={id} action={action} noValidate className="mt-3 w-full rounded-md border border-slate-300 bg-slate-50 p-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="templateId" value={template.id} />
      <input type="hidden" name="requestKey" value={key} />
      <Field
        label="Patient's email address"
        name="recipient"
        type="email"
        autoComplete="off"
        required
        autoFocus
        defaultValue={state.values?.recipient}
        errors={e.recipient}
      />
      <RecipientCheckBox check={state.data?.check} />
      <label className="mb-3 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="consent"
          value="yes"
          required
          defaultChecked={state.values?.consent === "yes"}
          aria-invalid={e.consent ? true : undefined}
          aria-describedby={e.consent ? `${id}-consent` : undefined}
          className="mt-0.5 h-5 w-5 accent-brand-600"
        />
        <span>The patient asked to get this handout by email.</span>
      </label>
      {e.consent && (
        <p id={`${id}-consent`} className="-mt-2 mb-2 text-sm font-medium text-red-800">
          {e.consent.join(" ")}
        </p>
      )}
      <EmailModeChoice
        id={id}
        hasLink={withLink}
        mode={mode}
        onMode={setMode}
        errors={e}
        noticeSeen={state.values?.attachmentNotice === "seen"}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingText="Making the handout…">Generate and email</SubmitButton>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </form>
  );
}
