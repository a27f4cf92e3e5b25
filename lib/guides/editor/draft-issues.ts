import type { DraftContent } from "@/lib/guides/editor/draft-schemas";
import type { SectionLines } from "@/lib/guides/editor/draft-markdown";
import { slugify } from "@/lib/guides/slugify";
import { readCodeLines } from "@/lib/guides/editor/code-lines";

// The importer's messages about a whole Markdown file, put where the editor shows them: on a guide field, on
// the section they are about (its line numbers counted from the section's first line), or above the form.

export type DraftIssues = {
  fields: Partial<Record<"title" | "summary" | "source" | "reviewed" | "codes", string[]>>;
  sections: string[][];
  general: string[];
};

export const emptyIssues = (draft: DraftContent): DraftIssues => ({
  fields: {},
  sections: draft.sections.map(() => []),
  general: [],
});
export const hasIssues = (i: DraftIssues) =>
  i.general.length > 0 || Object.values(i.fields).some((f) => f.length > 0) || i.sections.some((s) => s.length > 0);

// A `#` or `##` line inside a section's text would start a new section (or a second title) in the file.
const STRUCTURE_HEADING = /^ {0,3}#{1,2}(?:[ \t]|$)/;

/**
 * What the editor can tell before parsing: untitled sections, headings that would split a section, and code
 * lines that do not read as codes.
 */
export function checkDraftShape(draft: DraftContent): DraftIssues {
  const issues = emptyIssues(draft);
  if (!draft.title) issues.fields.title = ["Give the guide a title."];
  if (draft.sections.length === 0) issues.general.push("Add at least one section.");
  const codes = readCodeLines(draft.codes).errors;
  if (codes.length > 0) issues.fields.codes = codes;
  draft.sections.forEach((s, i) => {
    const list = issues.sections[i]!;
    if (!s.title) list.push("Give this section a title.");
    let fenced = false;
    s.markdown.split(/\r\n?|\n/).forEach((line, n) => {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced && STRUCTURE_HEADING.test(line))
        list.push(`Line ${n + 1}: use ### (or more) for a sub-heading; "Add section" makes a new section.`);
    });
  });
  return issues;
}

/** Files the parser's errors under the field or section they name; the rest go to `general`. */
export function placeErrors(
  errors: string[],
  draft: DraftContent,
  lines: SectionLines[],
  into: DraftIssues,
): DraftIssues {
  for (const error of errors) {
    const field = /^Front matter: "(title|summary|source|reviewed|codes)"/.exec(error)?.[1] as
      keyof DraftIssues["fields"] | undefined;
    if (field) {
      (into.fields[field] ??= []).push(error.replace(/^Front matter: /, ""));
      continue;
    }
    if (/has no title/.test(error)) {
      (into.fields.title ??= []).push("Give the guide a title.");
      continue;
    }
    const line = Number(/line (\d+)/.exec(error)?.[1] ?? NaN);
    let index = Number.isFinite(line) ? lines.findIndex((l) => line >= l.heading && line < l.end) : -1;
    let message = error;
    if (index >= 0)
      message = error.replace(
        /line (\d+)/,
        (_, n: string) => `line ${Math.max(1, Number(n) - lines[index]!.bodyStart + 1)} of this section`,
      );
    else index = draft.sections.findIndex((s) => s.title && error.includes(`"${s.title}"`));
    if (index >= 0) into.sections[index]!.push(message);
    else into.general.push(error);
  }
  return into;
}

/** After a clean parse: each draft section must still be one section (a "---" under a line makes a heading). */
export function checkSectionsKept(draft: DraftContent, parsedKeys: string[], into: DraftIssues): DraftIssues {
  const keys = new Set(parsedKeys);
  draft.sections.forEach((s, i) => {
    if (s.title && !keys.has(slugify(s.title)))
      into.sections[i]!.push("This section could not be read as one section.");
  });
  if (parsedKeys.length > draft.sections.length)
    into.general.push(
      'A line of "===" or "---" right under a line of text makes it a heading: leave a blank line before it, or use "***" for a rule.',
    );
  return into;
}
