"use client";

import { useDeferredValue, useMemo } from "react";
import { GuideBlocks } from "@/components/guides/guide-blocks";
import { GradeLabel } from "@/components/guides/grade-label";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { escapeHeading } from "@/lib/guides/editor/draft-markdown";

/**
 * The section as the guide page will show it, parsed in the browser by the importer's own parser as the
 * author types (the server parses again on save). The references travel along so citations resolve.
 */
export function SectionPreview({
  name,
  title,
  markdown,
  references,
  imageRefs,
  imageBase,
  id,
  keepUnlocked,
  onKeepUnlocked,
}: {
  /** How the editor names the section: its title, or its place while it has none. */
  name: string;
  title: string;
  markdown: string;
  references: string;
  imageRefs: Record<string, string>;
  imageBase: string;
  id: string;
  keepUnlocked: boolean;
  onKeepUnlocked: (value: boolean) => void;
}) {
  const text = useDeferredValue(markdown);
  const parsed = useMemo(() => {
    const heading = escapeHeading(title.trim() || "Section");
    const refs = references.trim() && !/^references$/i.test(title.trim()) ? `\n\n## References\n\n${references}` : "";
    return parseGuideMarkdown(`# Preview\n\n## ${heading}\n\n${text}${refs}\n`, { images: imageRefs });
  }, [title, text, references, imageRefs]);
  // The parser names a section by the heading it was given: an untitled one by its place instead.
  const named = (message: string) => (title.trim() ? message : message.replace('Section "Section"', name));
  const section = parsed.ok ? parsed.guide.sections[0] : undefined;
  return (
    <div id={id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm font-semibold text-slate-800">Preview</p>
      {section ? (
        <>
          <p aria-live="polite">
            <GradeLabel grade={section.grade} words={section.words} kind={section.kind} />
          </p>
          {section.redFlag && (
            // As in the import preview: warning signs are locked into every handout unless the author says no.
            <label className="mt-2 flex items-start gap-2 rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900">
              <input
                type="checkbox"
                checked={!keepUnlocked}
                onChange={(e) => onKeepUnlocked(!e.target.checked)}
                className="mt-0.5"
              />
              This reads like warning signs: always include it in handouts
            </label>
          )}
          <div className="mt-2 text-base leading-relaxed">
            <GuideBlocks blocks={section.blocks} cites={false} images={imageBase} />
          </div>
        </>
      ) : (
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
          {(parsed.ok ? ["Write the section's text to see it here."] : parsed.errors).map((e) => (
            <li key={e}>{named(e).replace(/\(line \d+\)/, "")}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
