"use client";

import { useActionState } from "react";
import { Field, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { NOTES_MAX } from "@/lib/handouts/schemas";
import { deleteTemplateAction, updateTemplateAction } from "../actions";

export function EditTemplateForm({ clinicId, template }: { clinicId: string; template: { id: string; name: string; notes: string; largePrint: boolean } }) {
  const [state, action] = useActionState(updateTemplateAction.bind(null, clinicId), initialFormState);
  const [deleted, remove] = useActionState(deleteTemplateAction.bind(null, clinicId), initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <>
      <form action={action} noValidate>
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        <input type="hidden" name="templateId" value={template.id} />
        <Field label="Template name" name="templateName" maxLength={80} defaultValue={state.values?.templateName ?? template.name} errors={e.templateName} />
        <TextArea label="Default notes" name="notes" rows={6} maxLength={NOTES_MAX} defaultValue={state.values?.notes ?? template.notes} errors={e.notes} />
        <label className="mb-4 flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="largePrint" defaultChecked={template.largePrint} className="h-5 w-5 accent-brand-600" />
          Large print
        </label>
        <SubmitButton pendingText="Saving…">Save template</SubmitButton>
      </form>
      <form
        action={remove}
        className="mt-6 border-t border-slate-200 pt-4"
        onSubmit={(ev) => {
          if (!confirm("Delete this template? Handouts made from it stay as they are.")) ev.preventDefault();
        }}
      >
        {deleted.message && !deleted.ok && <Alert tone="error">{deleted.message}</Alert>}
        <input type="hidden" name="templateId" value={template.id} />
        <SubmitButton variant="danger" pendingText="Deleting…">
          Delete template
        </SubmitButton>
      </form>
    </>
  );
}
