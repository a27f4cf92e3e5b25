"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import type { DraftContent, DraftSection } from "@/lib/guides/editor/draft-schemas";
import type { DraftIssues } from "@/lib/guides/editor/draft-issues";
import { discardGuideDraftAction, publishGuideDraftAction, saveGuideDraftAction } from "../../actions";
import { SectionEditor } from "./section-editor";

type Image = { id: string; width: number; height: number };
const blank: DraftSection = { title: "", markdown: "", required: false, keepUnlocked: false };

// Publish's refusal arrives as field errors keyed title/summary/…, section-<n> and general.
function issuesFrom(
  fieldErrors: Record<string, string[] | undefined> | undefined,
  sections: number,
): DraftIssues | null {
  if (!fieldErrors) return null;
  const pick = (k: string) => fieldErrors[k] ?? [];
  return {
    fields: {
      title: pick("title"),
      summary: pick("summary"),
      source: pick("source"),
      reviewed: pick("reviewed"),
      codes: pick("codes"),
    },
    sections: Array.from({ length: sections }, (_, i) => pick(`section-${i}`)),
    general: pick("general"),
  };
}

/**
 * The guide editor: the guide's fields, its sections, and Save, Publish and Discard on the shared draft.
 * Publish saves first (so problems show on their fields), then asks in a dialog, saying what publishing does.
 */
export function GuideEditor({
  clinicId,
  draftId,
  initialRevision,
  initialContent,
  images: initialImages,
  nextVersion,
}: {
  clinicId: string;
  draftId: string;
  initialRevision: number;
  initialContent: DraftContent;
  images: Image[];
  /** The version Publish makes: 1 for a new guide. */
  nextVersion: number;
}) {
  const [content, setContent] = useState(initialContent);
  const [revision, setRevision] = useState(initialRevision);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<DraftIssues | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [images, setImages] = useState(initialImages);
  const [pending, start] = useTransition();
  // The saved revision Publish would publish, while the dialog asks; null when it is closed.
  const [confirming, setConfirming] = useState<number | null>(null);
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const imageRefs = useMemo(() => Object.fromEntries(images.map((i) => [`image:${i.id}`, i.id])), [images]);
  const references = content.sections.find((s) => /^references$/i.test(s.title.trim()))?.markdown ?? "";
  const imageBase = `/clinics/${clinicId}/guides/images`;

  useEffect(() => {
    const d = confirmDialog.current;
    if (!d) return;
    if (confirming !== null && !d.open) d.showModal();
    if (confirming === null && d.open) d.close();
  }, [confirming]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (next: DraftContent) => {
    setContent(next);
    setDirty(true);
  };
  const setSection = (i: number, next: DraftSection) =>
    update({ ...content, sections: content.sections.map((s, j) => (j === i ? next : s)) });
  const move = (from: number, to: number) => {
    const sections = [...content.sections];
    const [moved] = sections.splice(from, 1);
    sections.splice(to, 0, moved!);
    update({ ...content, sections });
  };

  async function save(): Promise<number | null> {
    const fd = new FormData();
    fd.set("draftId", draftId);
    fd.set("revision", String(revision));
    fd.set("content", JSON.stringify(content));
    const result = await saveGuideDraftAction(clinicId, null, fd);
    if (!result.ok || !result.data) {
      setMessage({ tone: "error", text: result.message ?? "The draft was not saved." });
      return null;
    }
    setRevision(result.data.revision);
    setIssues(result.data.issues);
    setDirty(false);
    const problems =
      result.data.issues.general.length +
      result.data.issues.sections.flat().length +
      Object.values(result.data.issues.fields).flat().length;
    setMessage(
      problems
        ? {
            tone: "error",
            text: `Draft saved, with ${problems} problem${problems === 1 ? "" : "s"} to fix before it can be published.`,
          }
        : { tone: "success", text: "Draft saved." },
    );
    return problems ? null : result.data.revision;
  }

  const onSave = () => start(async () => void (await save()));
  const onPublish = () =>
    start(async () => {
      const saved = dirty || !issues ? await save() : revision;
      if (saved !== null) setConfirming(saved);
    });
  const onConfirmPublish = () => {
    const saved = confirming;
    setConfirming(null);
    if (saved === null) return;
    start(async () => {
      const fd = new FormData();
      fd.set("draftId", draftId);
      fd.set("revision", String(saved));
      setDirty(false);
      const result = await publishGuideDraftAction(clinicId, null, fd);
      // Success redirects to the guide; only a refusal comes back.
      if (result && !result.ok) {
        setMessage({ tone: "error", text: result.message ?? "The guide was not published." });
        setIssues(issuesFrom(result.fieldErrors, content.sections.length));
      }
    });
  };
  const onDiscard = () => {
    if (!window.confirm("Discard this draft? Your changes since the last published version are lost.")) return;
    start(async () => {
      const fd = new FormData();
      fd.set("draftId", draftId);
      setDirty(false);
      const result = await discardGuideDraftAction(clinicId, null, fd);
      if (result && !result.ok) setMessage({ tone: "error", text: result.message ?? "The draft was not discarded." });
    });
  };

  const fieldErrors = (name: keyof DraftIssues["fields"]) =>
    issues?.fields[name]?.length ? issues.fields[name] : undefined;
  return (
    <div className="space-y-6">
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      {issues && issues.general.length > 0 && (
        <Alert tone="error">
          <ul className="list-disc pl-5">
            {issues.general.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <Field
          label="Title"
          name="title"
          value={content.title}
          maxLength={200}
          errors={fieldErrors("title")}
          onChange={(e) => update({ ...content, title: e.target.value })}
        />
        <TextArea
          label="Summary"
          name="summary"
          value={content.summary}
          rows={2}
          maxLength={2000}
          errors={fieldErrors("summary")}
          onChange={(e) => update({ ...content, summary: e.target.value })}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Source"
            name="source"
            value={content.source}
            maxLength={500}
            hint="Who wrote it or where it comes from."
            errors={fieldErrors("source")}
            onChange={(e) => update({ ...content, source: e.target.value })}
          />
          <Field
            label="Reviewed on"
            name="reviewed"
            type="date"
            value={content.reviewed}
            errors={fieldErrors("reviewed")}
            onChange={(e) => update({ ...content, reviewed: e.target.value })}
          />
        </div>
        <TextArea
          label="Suggested for (clinical codes)"
          name="codes"
          value={content.codes}
          rows={3}
          maxLength={20000}
          className="font-mono"
          spellCheck={false}
          hint="One code a line: the system (ICD-10-CM or SNOMED CT), the code, then what it means, e.g. ICD-10-CM M62.830 Muscle spasm of back. A launch from the EHR suggests this guide for patients with these conditions (or narrower ICD-10-CM codes under them)."
          errors={fieldErrors("codes")}
          onChange={(e) => update({ ...content, codes: e.target.value })}
        />
      </div>
      {content.sections.map((s, i) => (
        <SectionEditor
          key={i}
          index={i}
          count={content.sections.length}
          section={s}
          issues={issues?.sections[i] ?? []}
          references={references}
          imageRefs={imageRefs}
          imageBase={imageBase}
          clinicId={clinicId}
          draftId={draftId}
          onChange={(next) => setSection(i, next)}
          onMove={(to) => move(i, to)}
          onDelete={() => update({ ...content, sections: content.sections.filter((_, j) => j !== i) })}
          onImage={(image) => setImages((list) => [...list, image])}
        />
      ))}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => update({ ...content, sections: [...content.sections, blank] })}>
          Add section
        </Button>
      </div>
      <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-200 bg-white/95 py-3">
        <Button onClick={onSave} disabled={pending}>
          {pending ? "Working…" : "Save draft"}
        </Button>
        <Button variant="secondary" onClick={onPublish} disabled={pending}>
          Publish
        </Button>
        <Button variant="danger" onClick={onDiscard} disabled={pending}>
          Discard draft
        </Button>
        {dirty && <span className="self-center text-sm text-slate-700">Unsaved changes</span>}
      </div>
      <dialog
        ref={confirmDialog}
        aria-labelledby="publish-title"
        aria-describedby="publish-what"
        onClose={() => setConfirming(null)}
        className="max-w-lg rounded-lg border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="publish-title" className="text-lg font-semibold">
          {nextVersion === 1 ? `Publish “${content.title}”?` : `Publish version ${nextVersion} of “${content.title}”?`}
        </h2>
        <ul id="publish-what" className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
          {nextVersion === 1 ? (
            <li>It goes into your clinic&apos;s library as version 1, and clinicians can make handouts from it.</li>
          ) : (
            <>
              <li>
                It becomes version {nextVersion}, the one new handouts use. Sections you changed are marked “Changed in
                this version”.
              </li>
              <li>
                Handouts already made keep the version they were made from: their PDFs and patient links do not change.
              </li>
            </>
          )}
          <li>Publishing counts as a review: the guide&apos;s review-by date starts again from today.</li>
        </ul>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button onClick={onConfirmPublish} autoFocus>
            {nextVersion === 1 ? "Publish" : `Publish version ${nextVersion}`}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </div>
      </dialog>
    </div>
  );
}
