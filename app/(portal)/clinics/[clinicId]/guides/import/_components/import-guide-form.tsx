"use client";

import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { GradeLabel } from "@/components/guides/grade-label";
import { ErrorSummary } from "@/components/ui/error-summary";
import { MAX_GUIDE_BYTES } from "@/lib/guides/import/file-limits";
import type { FormState } from "@/lib/forms";
import { confirmImportAction, previewGuideAction, type ImportPreview } from "../actions";

const FORMAT_HINT =
  "Markdown: '# Title', then one '## Heading' per section. '## References' and '## Disclaimer' are recognised.";

export function ImportGuideForm({ clinicId }: { clinicId: string }) {
  const [preview, previewAction] = useFormAction(
    previewGuideAction.bind(null, clinicId),
    { ok: false } as FormState<ImportPreview>,
    {
      file: { maxBytes: MAX_GUIDE_BYTES, noun: "a guide's Markdown file" },
    },
  );
  const [confirm, confirmAction] = useFormAction(confirmImportAction.bind(null, clinicId), { ok: false } as FormState);
  const e = preview.fieldErrors ?? {};
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">1. Choose the guide</h2>
        <form action={previewAction} noValidate>
          <ErrorSummary state={preview} />
          <Field
            label="Markdown file"
            name="file"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            hint="At most 1 MB."
            errors={e.file}
          />
          <TextArea
            label="…or paste the text"
            name="text"
            rows={12}
            defaultValue={preview.ok ? preview.data?.markdown : preview.values?.text}
            hint={FORMAT_HINT}
            errors={e.text}
            className="font-mono text-sm"
          />
          <SubmitButton pendingText="Reading…" variant="secondary">
            Preview
          </SubmitButton>
        </form>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">2. Check and confirm</h2>
        {!preview.ok || !preview.data ? (
          <p className="text-slate-700">The sections appear here after Preview.</p>
        ) : (
          <form action={confirmAction}>
            <ErrorSummary state={confirm} />
            <input type="hidden" name="markdown" value={preview.data.markdown} />
            <h3 className="text-xl font-semibold">{preview.data.title}</h3>
            {preview.data.summary && <p className="mt-1 text-slate-700">{preview.data.summary}</p>}
            <p className="mt-2 text-sm text-slate-700">
              <GradeLabel grade={preview.data.grade} language={preview.data.language} /> · {preview.data.references}{" "}
              references
            </p>
            {preview.data.warnings.length > 0 && (
              <div className="mt-3">
                <Alert tone="warning">
                  <p className="font-semibold">Warnings ({preview.data.warnings.length})</p>
                  <ul className="ml-5 list-disc">
                    {preview.data.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </Alert>
              </div>
            )}
            {preview.data.sections.some((s) => s.redFlag && s.lock === "red-flag") && (
              <fieldset className="mt-3 rounded border border-amber-300 bg-amber-50 p-3">
                <legend className="px-1 text-sm font-semibold text-amber-950">Warning signs</legend>
                <p className="text-sm text-amber-950">
                  These sections read like they tell the patient when to get help at once (for example “call 911”).
                  Locked sections are in every handout made from this guide; untick one only if it is not a warning.
                </p>
                {preview.data.sections
                  .filter((s) => s.redFlag && s.lock === "red-flag")
                  .map((s) => (
                    <label key={s.key} className="mt-2 flex items-center gap-2 text-sm font-medium">
                      <input type="hidden" name="flagged" value={s.key} />
                      <input
                        type="checkbox"
                        name="lock"
                        value={s.key}
                        defaultChecked
                        className="h-5 w-5 accent-brand-600"
                      />
                      Always include “{s.title}”
                    </label>
                  ))}
              </fieldset>
            )}
            <ol className="my-3 divide-y divide-slate-200 rounded border border-slate-200" aria-label="Sections found">
              {preview.data.sections.map((s) => (
                <li key={s.key} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-sm">
                  <span className="font-medium">
                    {s.title}
                    {s.kind !== "content" && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{s.kind}</span>}
                    {s.required && s.lock !== "red-flag" && (
                      <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">always included</span>
                    )}
                    {s.lock === "red-flag" && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-950">warning signs</span>
                    )}
                  </span>
                  <GradeLabel grade={s.grade} words={s.words} language={preview.data?.language} kind={s.kind} />
                </li>
              ))}
            </ol>
            <SubmitButton pendingText="Importing…">Confirm import</SubmitButton>
          </form>
        )}
      </Card>
    </div>
  );
}
