"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";
import { saveTemplateAction } from "../actions";

/**
 * "Save as template" inside the builder form: its button submits the same form to another action, so the
 * template gets exactly the sections, order, notes and options on screen.
 */
export function SaveTemplate({ clinicId }: { clinicId: string }) {
  const [state, action, pending] = useActionState(saveTemplateAction.bind(null, clinicId), initialFormState);
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">Reuse these choices</legend>
      <ErrorSummary state={state} />
      <Field
        label="Template name"
        name="templateName"
        maxLength={80}
        hint="Saves everything but the patient: the sections and their order, the notes, large print and your contact-block changes."
        errors={state.fieldErrors?.templateName}
      />
      <button type="submit" formAction={action} formNoValidate disabled={pending} className={buttonClass("secondary")}>
        {pending ? "Saving…" : "Save as template"}
      </button>
      {state.ok && state.message && (
        <p role="status" className="mt-2 text-sm font-medium text-green-900">
          {state.message}
        </p>
      )}
    </fieldset>
  );
}
