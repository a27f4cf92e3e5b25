"use client";

import { useActionState, useState } from "react";
import { PatientLinkChoice } from "@/components/handouts/patient-link-choice";
import { Field, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { Card } from "@/components/ui/card";
import { initialFormState } from "@/lib/forms";
import { NOTES_MAX } from "@/lib/handouts/schemas";
import { pickerItems, SectionPicker, type PickerItem } from "@/components/handouts/section-picker";
import { ContactFields } from "@/components/handouts/contact-fields";
import type { BuilderStart } from "@/lib/handout-drafts/builder-data";
import { deleteTemplateAction, updateTemplateAction } from "../actions";

/** Everything a template keeps, with the builder's own section picker and contact block. */
export function EditTemplateForm({
  clinicId,
  template,
  start,
}: {
  clinicId: string;
  template: { id: string; name: string };
  start: BuilderStart;
}) {
  const [state, action] = useActionState(updateTemplateAction.bind(null, clinicId), initialFormState);
  const [deleted, remove] = useActionState(deleteTemplateAction.bind(null, clinicId), initialFormState);
  const [items, setItems] = useState<PickerItem[]>(() => pickerItems(start.sections, start.initial.sectionKeys));
  const e = state.fieldErrors ?? {};
  return (
    <div className="max-w-3xl space-y-6">
      <form action={action} noValidate className="space-y-6">
        {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
        <ErrorSummary state={state} />
        <input type="hidden" name="templateId" value={template.id} />
        <input type="hidden" name="guideVersionId" value={start.guide.versionId} />
        <Field
          label="Template name"
          name="templateName"
          maxLength={80}
          defaultValue={state.values?.templateName ?? template.name}
          errors={e.templateName}
        />
        <SectionPicker
          items={items}
          guideOrder={start.sections.map((s) => s.key)}
          onChange={setItems}
          error={e.sectionKeys}
        />
        <TextArea
          label="Notes"
          name="notes"
          rows={6}
          maxLength={NOTES_MAX}
          defaultValue={state.values?.notes ?? start.initial.notes}
          hint='Plain text. Start a line with "- " for a bullet point.'
          errors={e.notes}
        />
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="largePrint"
            defaultChecked={start.initial.largePrint}
            className="h-5 w-5 accent-brand-600"
          />
          Large print (18 pt text, one column)
        </label>
        <PatientLinkChoice defaultChecked={start.initial.patientLink} linkDays={start.linkDays} />
        <ContactFields
          initial={start.initial.contact}
          values={state.values}
          errors={e}
          hint="Fields you change here are kept by the template; the others follow the clinic's settings and the clinician's profile."
        />
        <SubmitButton pendingText="Saving…">Save template</SubmitButton>
      </form>
      <Card>
        <form
          action={remove}
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
      </Card>
    </div>
  );
}
