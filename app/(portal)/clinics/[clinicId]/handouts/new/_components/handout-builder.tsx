"use client";

import { useActionState, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { announceSignedOut } from "@/components/portal/signed-out";
import { DraftNotices, SignInAgain } from "./draft-notices";
import { clearBackup } from "@/components/handouts/draft-backup";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button";
import { ReadingMeter } from "@/components/handouts/reading-meter";
import { readingLevel } from "@/lib/guides/readability";
import { notesReadingText } from "@/lib/handouts/notes";
import { TITLE_MAX } from "@/lib/handouts/schemas";
import type { BuilderStart } from "@/lib/handout-drafts/builder-data";
import type { FormState } from "@/lib/forms";
import { pickerItems, SectionPicker, type PickerItem } from "@/components/handouts/section-picker";
import { ContactFields } from "@/components/handouts/contact-fields";
import { SaveTemplate } from "./save-template";
import { PdfPages } from "@/components/pdf/pdf-pages";
import { PatientLinkChoice } from "@/components/handouts/patient-link-choice";
import { describeCharacters } from "@/lib/handouts/describe-characters";
import { createHandoutAction, discardDraftAction } from "../actions";
import { usePdfPreview } from "./use-pdf-preview";
import { useDraft, useLeaveGuard } from "./use-draft";
import { VariantPicker } from "./variant-picker";
import { NotesField } from "./notes-field";

export function HandoutBuilder({
  clinicId,
  start,
  restored = false,
}: {
  clinicId: string;
  start: BuilderStart;
  restored?: boolean;
}) {
  const [state, formAction, generating] = useActionState(createHandoutAction.bind(null, clinicId), {
    ok: false,
  } as FormState);
  useEffect(() => {
    if (state.signedOut) announceSignedOut();
  }, [state]);
  const formRef = useRef<HTMLFormElement>(null);
  const [items, setItems] = useState<PickerItem[]>(() =>
    pickerItems(start.sections, start.initial.sectionKeys, start.initial.order),
  );
  const [notes, setNotes] = useState(start.initial.notes);
  const [revision, setRevision] = useState(0);
  const [versionId, setVersionId] = useState(start.initial.guideVersionId ?? start.guide.versionId);
  const variant = start.variants.find((v) => v.versionId === versionId) ?? { ...start.guide, sections: start.sections };
  // Variants share their section keys: the choice and order carry over, with the new variant's text.
  const switchVariant = (id: string) => {
    const next = start.variants.find((v) => v.versionId === id);
    if (!next) return;
    const title = formRef.current?.elements.namedItem("title");
    if (title instanceof HTMLInputElement && title.value === variant.title) title.value = next.title;
    setItems((current) =>
      pickerItems(
        next.sections,
        [],
        current.filter((i) => i.kind === "content" && !i.required).map((i) => ({ key: i.key, picked: i.picked })),
      ),
    );
    setVersionId(id);
  };
  // What the form holds, as one value: the preview renders again whenever it changes.
  const change = useMemo(
    () => JSON.stringify([versionId, items.map((i) => [i.key, i.picked]), notes, revision]),
    [versionId, items, notes, revision],
  );
  const [allPages, setAllPages] = useState(false);
  const preview = usePdfPreview(clinicId, formRef, change, allPages);
  const draft = useDraft(
    clinicId,
    formRef,
    change,
    { draftId: start.initial.draftId, revision: start.initial.draftRevision, restored },
    generating,
  );
  const [discarded, discardAction] = useActionState(discardDraftAction.bind(null, clinicId), {
    ok: false,
  } as FormState);
  const forgetUnsaved = useCallback(() => clearBackup(clinicId), [clinicId]);
  useLeaveGuard(draft.dirty && !generating, forgetUnsaved);
  const errors = state.fieldErrors ?? {};

  // Reading levels (~16 ms for the whole guide) follow a moment later, in a deferred render: the change
  // itself, and the preview request it starts, do not wait for them.
  const statsItems = useDeferredValue(items);
  const statsNotes = useDeferredValue(notes);
  const language = variant.language;
  const notesText = useMemo(() => notesReadingText(statsNotes), [statsNotes]);
  const notesLevel = useMemo(() => readingLevel(notesText.text, language, notesText.list), [notesText, language]);
  const handoutLevel = useMemo(
    () =>
      readingLevel(
        [
          ...statsItems.filter((i) => (i.picked || i.required) && i.kind === "content").map((i) => i.plainText),
          notesText.text,
        ].join("\n"),
        language,
        notesText.list,
      ),
    [statsItems, notesText, language],
  );

  return (
    <form
      ref={formRef}
      action={formAction}
      onChange={() => setRevision((r) => r + 1)}
      noValidate
      className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
    >
      <div className="min-w-0 space-y-6">
        {restored && !draft.gone && (
          <Alert tone="warning">
            What you typed here before (not yet saved when you left or were signed out) is back
            {draft.dirty ? ", and is being saved now" : ", and saved"}.
          </Alert>
        )}
        <DraftNotices clinicId={clinicId} draft={draft} />
        <ErrorSummary state={state} />
        {state.signedOut && (
          <p className="-mt-2 mb-4 text-sm text-red-900">
            <SignInAgain />
          </p>
        )}
        {start.notices.map((n) => (
          <Alert key={n} tone="warning">
            {n}
          </Alert>
        ))}
        <input type="hidden" name="guideVersionId" value={versionId} />
        {start.initial.sourceHandoutId && (
          <input type="hidden" name="sourceHandoutId" value={start.initial.sourceHandoutId} />
        )}
        {start.initial.templateId && <input type="hidden" name="templateId" value={start.initial.templateId} />}
        {start.initial.ehrLaunchId && <input type="hidden" name="ehrLaunchId" value={start.initial.ehrLaunchId} />}
        {draft.draftId && <input type="hidden" name="draftId" value={draft.draftId} />}

        <Field
          label="Handout title"
          name="title"
          required
          maxLength={TITLE_MAX}
          defaultValue={state.values?.title ?? start.initial.title}
          errors={errors.title}
        />

        <VariantPicker variants={start.variants} value={versionId} onChange={switchVariant} />

        <SectionPicker
          items={items}
          guideOrder={variant.sections.map((s) => s.key)}
          onChange={setItems}
          error={errors.sectionKeys}
        />

        <NotesField notes={notes} onNotes={setNotes} errors={errors.notes} level={notesLevel} language={language} />

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
          <Field
            label="Follow-up date"
            name="followUpDate"
            type="date"
            defaultValue={state.values?.followUpDate ?? start.initial.followUpDate}
            errors={errors.followUpDate}
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
        </fieldset>

        <ContactFields initial={start.initial.contact} values={state.values} errors={errors} />

        <SaveTemplate clinicId={clinicId} />

        <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ReadingMeter label="Whole handout" level={handoutLevel} language={language} />
            <button type="submit" disabled={generating || !!draft.gone} className={buttonClass("primary")}>
              {generating ? "Generating PDF…" : "Generate PDF"}
            </button>
          </div>
          <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
            <p role="status" aria-live="polite">
              {generating
                ? "Generating the PDF and saving the handout…"
                : draft.failed === "network"
                  ? "The draft could not be saved: check your connection. What you typed is kept in this browser meanwhile."
                  : draft.failed === "signed-out"
                    ? "Not saved: you were signed out. What you typed is kept in this browser until you sign in again."
                    : typeof draft.failed === "object" && draft.failed
                      ? `Not saved. ${draft.failed.refused}`
                      : draft.saving
                        ? "Saving draft…"
                        : draft.savedAt
                          ? `Draft saved at ${draft.savedAt.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}`
                          : ""}
            </p>
            {draft.draftId && (
              <button
                type="submit"
                formAction={discardAction}
                formNoValidate
                onClick={() => clearBackup(clinicId)}
                className="font-medium text-red-800 underline"
              >
                Discard draft
              </button>
            )}
          </div>
          {discarded.message && !discarded.ok && <p className="text-sm text-red-800">{discarded.message}</p>}
        </div>
      </div>

      <section aria-labelledby="preview-heading" className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="preview-heading" className="text-lg font-semibold">
            The PDF{preview.pages ? `: ${preview.pages} page${preview.pages === 1 ? "" : "s"}` : ""}
          </h2>
          <span role="status" aria-live="polite" className="text-sm text-slate-600">
            {preview.updating ? "Updating…" : ""}
          </span>
        </div>
        {preview.unprintable.length > 0 && (
          <Alert tone="error">
            <p className="font-semibold">These characters cannot be printed, so the handout cannot be generated yet:</p>
            <ul className="ml-5 list-disc">
              {preview.unprintable.map((u) => (
                <li key={u.field}>
                  {u.label}: {describeCharacters(u.characters)}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {preview.error && <Alert tone="warning">{preview.error}</Alert>}
        <div data-testid="handout-preview" aria-busy={preview.updating}>
          <PdfPages
            pdf={preview.pdf}
            pages={preview.pages}
            revision={preview.revision}
            showAll={allPages}
            onShowAll={setAllPages}
            label="Preview of the handout PDF"
          />
        </div>
      </section>
    </form>
  );
}
