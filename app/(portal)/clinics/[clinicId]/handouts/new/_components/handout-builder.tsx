"use client";

import { useActionState, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Field, TextArea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { ReadingMeter } from "@/components/handouts/reading-meter";
import { readingStats } from "@/lib/guides/readability";
import { notesPlainText } from "@/lib/handouts/notes";
import { NOTES_MAX, TITLE_MAX } from "@/lib/handouts/schemas";
import type { BuilderStart } from "@/lib/handouts/builder-data";
import type { FormState } from "@/lib/forms";
import { SectionPicker, type PickerItem } from "./section-picker";
import { ContactFields } from "./contact-fields";
import { SaveTemplate } from "./save-template";
import { createHandoutAction, previewHandoutAction } from "../actions";

const PREVIEW_DELAY_MS = 350;

export function HandoutBuilder({ clinicId, start }: { clinicId: string; start: BuilderStart }) {
  const [state, formAction, generating] = useActionState(createHandoutAction.bind(null, clinicId), { ok: false } as FormState);
  const formRef = useRef<HTMLFormElement>(null);
  const [items, setItems] = useState<PickerItem[]>(() => initialItems(start));
  const [notes, setNotes] = useState(start.initial.notes);
  const [revision, setRevision] = useState(0);
  const [preview, setPreview] = useState<React.ReactNode>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [updating, startPreview] = useTransition();
  const errors = state.fieldErrors ?? {};

  const chosen = items.filter((i) => i.picked || i.required);
  const notesStats = useMemo(() => readingStats(notesPlainText(notes)), [notes]);
  const handoutStats = useMemo(
    () => readingStats([...chosen.filter((i) => i.kind === "content").map((i) => i.plainText), notesPlainText(notes)].join("\n")),
    [chosen, notes],
  );

  // Live preview: every change re-renders page 1 on the server, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      startPreview(async () => {
        const result = await previewHandoutAction(clinicId, undefined, data);
        if (result.ok && "preview" in result) {
          setPreview(result.preview);
          setPreviewError(null);
        } else setPreviewError(result.message ?? "The preview is not available.");
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [clinicId, items, notes, revision]);

  return (
    <form ref={formRef} action={formAction} onChange={() => setRevision((r) => r + 1)} noValidate className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
        {start.notices.map((n) => (
          <Alert key={n} tone="warning">
            {n}
          </Alert>
        ))}
        <input type="hidden" name="guideVersionId" value={start.guide.versionId} />
        {start.initial.sourceHandoutId && <input type="hidden" name="sourceHandoutId" value={start.initial.sourceHandoutId} />}
        {start.initial.templateId && <input type="hidden" name="templateId" value={start.initial.templateId} />}
        {chosen.map((i) => (
          <input key={i.key} type="hidden" name="sectionKeys" value={i.key} />
        ))}

        <Field label="Handout title" name="title" required maxLength={TITLE_MAX} defaultValue={state.values?.title ?? start.initial.title} errors={errors.title} />

        <SectionPicker items={items} onChange={setItems} error={errors.sectionKeys} />

        <div>
          <TextArea
            label="Notes for this patient"
            name="notes"
            rows={7}
            maxLength={NOTES_MAX}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            hint='Plain text. Start a line with "- " for a bullet point.'
            errors={errors.notes}
          />
          <div className="-mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <ReadingMeter label="Notes reading level" stats={notesStats} />
            <span className={notes.length > NOTES_MAX * 0.95 ? "font-medium text-red-800" : "text-slate-600"}>
              {notes.length.toLocaleString("en-US")} / {NOTES_MAX.toLocaleString("en-US")} characters
            </span>
          </div>
        </div>

        <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">For this patient (optional)</legend>
          <Field
            label="Prepared for"
            name="preparedFor"
            maxLength={30}
            autoComplete="off"
            hint="First name or initials only."
            defaultValue={state.values?.preparedFor ?? start.initial.preparedFor}
            errors={errors.preparedFor}
          />
          <Field label="Follow-up date" name="followUpDate" type="date" defaultValue={state.values?.followUpDate ?? start.initial.followUpDate} errors={errors.followUpDate} />
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="largePrint" defaultChecked={start.initial.largePrint} className="h-5 w-5 accent-brand-600" />
            Large print (18 pt text, one column)
          </label>
        </fieldset>

        <ContactFields initial={start.initial.contact} values={state.values} errors={errors} />

        <SaveTemplate clinicId={clinicId} />

        <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ReadingMeter label="Whole handout" stats={handoutStats} />
            <button type="submit" disabled={generating} className={buttonClass("primary")}>
              {generating ? "Generating PDF…" : "Generate PDF"}
            </button>
          </div>
          <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-700">
            {generating ? "Generating the PDF and saving the handout…" : ""}
          </p>
        </div>
      </div>

      <section aria-labelledby="preview-heading" className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview of page 1
          </h2>
          <span role="status" aria-live="polite" className="text-sm text-slate-600">
            {updating ? "Updating…" : ""}
          </span>
        </div>
        {previewError && <Alert tone="warning">{previewError}</Alert>}
        <div data-testid="handout-preview" aria-busy={updating}>
          {preview ?? <p className="text-sm text-slate-600">Preparing the preview…</p>}
        </div>
      </section>
    </form>
  );
}

function initialItems(start: BuilderStart): PickerItem[] {
  const picked = start.initial.sectionKeys;
  const byKey = new Map(start.sections.map((s) => [s.key, s]));
  const inOrder = picked.map((k) => byKey.get(k)).filter((s): s is NonNullable<typeof s> => !!s && s.kind === "content" && !s.required);
  const rest = start.sections.filter((s) => !inOrder.includes(s));
  return [...inOrder.map((s) => ({ ...s, picked: true })), ...rest.map((s) => ({ ...s, picked: picked.includes(s.key) && s.kind === "content" }))];
}
