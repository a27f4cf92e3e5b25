"use client";

import { useActionState, useState } from "react";
import { Field, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms";
import { MESSAGE_MAX, type RecipientCheck } from "@/lib/deliveries/schemas";
import { RecipientCheckBox } from "@/components/handouts/recipient-check";
import { EmailModeChoice, type EmailMode } from "@/components/handouts/email-mode";
import { sendHandoutAction } from "../actions";

const newKey = () => crypto.randomUUID().replace(/-/g, "");

/**
 * One idempotency key per filled-in form: double clicks and resubmits of the same form reuse it, so the
 * patient gets one email; after a successful send the form gets a fresh key for the next one.
 */
export function SendForm({ clinicId, handoutId, hasLink }: { clinicId: string; handoutId: string; hasLink: boolean }) {
  const [key, setKey] = useState(newKey);
  const [message, setMessage] = useState("");
  const [mode, setMode] = useState<EmailMode>(hasLink ? "LINK" : "ATTACHMENT");
  const [state, action] = useActionState(
    async (prev: FormState<{ check: RecipientCheck }>, formData: FormData) => {
      const result = await sendHandoutAction(clinicId, prev, formData);
      if (result.ok) {
        setKey(newKey());
        setMessage("");
      }
      return result;
    },
    { ok: false } as FormState<{ check: RecipientCheck }>,
  );
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <ErrorSummary state={state} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="handoutId" value={handoutId} />
      <Field
        label="Patient's email address"
        name="recipient"
        type="email"
        autoComplete="off"
        required
        defaultValue={state.ok ? "" : state.values?.recipient}
        errors={e.recipient}
      />
      <RecipientCheckBox check={state.data?.check} />
      <EmailModeChoice
        id={`send-${handoutId}`}
        hasLink={hasLink}
        mode={mode}
        onMode={setMode}
        errors={e}
        noticeSeen={state.values?.attachmentNotice === "seen"}
      />
      {mode === "ATTACHMENT" && (
        <TextArea
          label="Personal message (optional)"
          name="message"
          rows={3}
          maxLength={MESSAGE_MAX}
          value={message}
          onChange={(ev) => setMessage(ev.target.value)}
          hint={`${message.length} / ${MESSAGE_MAX.toLocaleString("en-US")} characters. Plain text; keep health details for the handout itself.`}
          errors={e.message}
        />
      )}
      <div className="mb-4">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="consent"
            value="yes"
            required
            defaultChecked={state.values?.consent === "yes"}
            aria-invalid={e.consent ? true : undefined}
            aria-describedby={e.consent ? "consent-error" : undefined}
            className="mt-0.5 h-5 w-5 accent-brand-600"
          />
          <span>The patient asked to get this handout by email.</span>
        </label>
        {e.consent && (
          <p id="consent-error" className="mt-1 text-sm font-medium text-red-800">
            {e.consent.join(" ")}
          </p>
        )}
      </div>
      <SubmitButton pendingText="Queuing…">Email to patient</SubmitButton>
    </form>
  );
}
