"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { applyFormat, FORMAT_LABELS, type Format } from "@/lib/guides/editor/markdown-format";
import type { DraftSection } from "@/lib/guides/editor/draft-schemas";
import { ImageUpload } from "./image-upload";
import { SectionPreview } from "./section-preview";

type Props = {
  index: number;
  count: number;
  section: DraftSection;
  issues: string[];
  references: string;
  imageRefs: Record<string, string>;
  imageBase: string;
  clinicId: string;
  draftId: string;
  onChange: (next: DraftSection) => void;
  onMove: (to: number) => void;
  onDelete: () => void;
  onImage: (image: { id: string; width: number; height: number }) => void;
};

/** One section: its title, its Markdown with the importer's formats on a toolbar, and its live preview. */
export function SectionEditor({
  index,
  count,
  section,
  issues,
  references,
  imageRefs,
  imageBase,
  clinicId,
  draftId,
  onChange,
  onMove,
  onDelete,
  onImage,
}: Props) {
  const text = useRef<HTMLTextAreaElement>(null);
  const base = `section-${index}`;
  // An untitled section is named by its place, never by a stand-in title ("Section 3 (no title yet)").
  const label = section.title.trim() || `Section ${index + 1} (no title yet)`;

  function format(f: Format) {
    const el = text.current;
    if (!el) return;
    const next = applyFormat(f, { text: section.markdown, start: el.selectionStart, end: el.selectionEnd });
    onChange({ ...section, markdown: next.text });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  }

  function insert(snippet: string) {
    const at = text.current?.selectionEnd ?? section.markdown.length;
    const before = section.markdown.slice(0, at).replace(/\s*$/, "");
    onChange({
      ...section,
      markdown:
        `${before}${before ? "\n\n" : ""}${snippet}\n\n${section.markdown.slice(at).replace(/^\s*/, "")}`.replace(
          /\n+$/,
          "\n",
        ),
    });
  }

  return (
    <section aria-labelledby={`${base}-heading`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${base}-heading`} className="text-lg font-semibold">
          {section.title.trim() ? `${index + 1}. ${section.title}` : label}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={`Move ${label} up`}
          >
            Up
          </Button>
          <Button
            variant="secondary"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={`Move ${label} down`}
          >
            Down
          </Button>
          <Button variant="danger" onClick={onDelete} aria-label={`Delete ${label}`}>
            Delete
          </Button>
        </div>
      </div>
      {issues.length > 0 && (
        <ul
          id={`${base}-issues`}
          className="mt-2 list-disc rounded-md border border-red-700 bg-red-50 py-2 pr-3 pl-8 text-sm text-red-900"
        >
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={`${base}-title`} className="block text-sm font-medium">
            Section title
          </label>
          <input
            id={`${base}-title`}
            value={section.title}
            maxLength={200}
            onChange={(e) => onChange({ ...section, title: e.target.value })}
            aria-describedby={issues.length ? `${base}-issues` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
          />
          <div
            role="toolbar"
            aria-label={`Formatting for ${label}`}
            aria-controls={`${base}-text`}
            className="mt-3 flex flex-wrap gap-1"
          >
            {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
              <button
                key={f}
                type="button"
                onClick={() => format(f)}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
              >
                {FORMAT_LABELS[f]}
              </button>
            ))}
          </div>
          <label htmlFor={`${base}-text`} className="mt-2 block text-sm font-medium">
            Text (Markdown)
          </label>
          <textarea
            id={`${base}-text`}
            ref={text}
            value={section.markdown}
            onChange={(e) => onChange({ ...section, markdown: e.target.value })}
            rows={12}
            aria-describedby={[issues.length ? `${base}-issues` : "", `${base}-preview`].filter(Boolean).join(" ")}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
          />
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={section.required}
              onChange={(e) => onChange({ ...section, required: e.target.checked })}
            />
            Always include in handouts
          </label>
          <div className="mt-3">
            <ImageUpload
              clinicId={clinicId}
              draftId={draftId}
              onAdded={(markdown, image) => {
                onImage(image);
                insert(markdown);
              }}
            />
          </div>
        </div>
        <SectionPreview
          keepUnlocked={section.keepUnlocked}
          onKeepUnlocked={(keepUnlocked) => onChange({ ...section, keepUnlocked })}
          id={`${base}-preview`}
          name={label}
          title={section.title}
          markdown={section.markdown}
          references={references}
          imageRefs={imageRefs}
          imageBase={imageBase}
        />
      </div>
    </section>
  );
}
