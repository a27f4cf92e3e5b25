import type { DraftContent } from "@/lib/guides/editor/draft-schemas";
import { readCodeLines } from "@/lib/guides/editor/code-lines";

// A draft as one Markdown guide in the importer's format (front matter, then one `##` per section), and where
// each section landed in it, so the parser's "line N" messages can be shown on the section they are about.

export type SectionLines = { heading: number; bodyStart: number; end: number };

// Backslash-escapes what would make a section title anything but plain text in its `##` line.
export const escapeHeading = (title: string) => title.replace(/[\\`*_[\]<>#~|!]/g, (c) => `\\${c}`);

const yamlString = (value: string) => JSON.stringify(value);

export function draftToMarkdown(draft: DraftContent): { markdown: string; lines: SectionLines[] } {
  const out: string[] = ["---"];
  if (draft.title) out.push(`title: ${yamlString(draft.title)}`);
  if (draft.summary) out.push(`summary: ${yamlString(draft.summary)}`);
  if (draft.source) out.push(`source: ${yamlString(draft.source)}`);
  if (draft.reviewed) out.push(`reviewed: ${draft.reviewed}`);
  if (draft.language !== "en") out.push(`language: ${yamlString(draft.language)}`);
  if (draft.level !== "standard") out.push(`level: ${draft.level}`);
  const required = draft.sections.filter((s) => s.required && s.title).map((s) => s.title);
  if (required.length > 0) out.push(`required: ${JSON.stringify(required)}`);
  // The lines that read as codes (the others are reported on the field by checkDraftShape), as a JSON list,
  // which is YAML too: the importer reads back exactly these.
  const { codes } = readCodeLines(draft.codes);
  if (codes.length > 0) out.push(`codes: ${JSON.stringify(codes)}`);
  out.push("---", "");
  const lines: SectionLines[] = [];
  for (const section of draft.sections) {
    const heading = out.length + 1;
    out.push(`## ${escapeHeading(section.title)}`, "");
    const body = section.markdown.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n");
    out.push(...body, "");
    lines.push({ heading, bodyStart: heading + 2, end: out.length });
  }
  return { markdown: out.join("\n"), lines };
}
