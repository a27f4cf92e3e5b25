import type { Heading, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Block, Reference, SectionKind } from "../blocks";
import { linkCitations } from "./citations";
import { splitFrontMatter } from "./front-matter";
import { collectDefinitions, mapBlocks, mapInlines, type MapContext } from "./mdast-to-blocks";
import { blocksToPlainText, inlinesToPlainText } from "../plain-text";
import { extractReferences, REFERENCES_HEADING } from "./references";
import {
  checkGuideShape,
  MAX_FRONT_MATTER_CHARS,
  MAX_REFERENCE_CHARS,
  MAX_REFERENCES,
  MAX_SECTIONS,
} from "./input-limits";
import { slugify } from "../slugify";
import { readingStats } from "../readability";
import { applyLocks, type LockReason } from "../locks";
import { MAX_GUIDE_BYTES } from "./file-limits";
import type { GuideCode } from "../clinical-codes";

export { slugify };

export { MAX_GUIDE_BYTES };

export type ParsedSection = {
  key: string;
  title: string;
  order: number;
  kind: SectionKind;
  // Locked into every handout, and why (lib/guides/locks.ts); `required` is `lock !== null`.
  required: boolean;
  lock: LockReason | null;
  // The text reads like "when to get help at once" (red-flags.ts): locked unless the importer says no.
  redFlag: boolean;
  blocks: Block[];
  citedRefKeys: string[];
  plainText: string;
  grade: number;
  words: number;
  // The one sentence this section gives to "The main points".
  keyPoint: string | null;
};

export type GuideVariantInfo = {
  // The key of the guide this one is a variant of (null: an original).
  of: string | null;
  level: "standard" | "plain";
  language: string;
  translationNote: string | null;
  // Section keys were given in front matter ("keys:"); otherwise a variant's are matched by order.
  keysGiven: boolean;
};

export type ParsedGuide = {
  title: string;
  summary: string | null;
  source: string | null;
  // ISO date, yyyy-mm-dd.
  reviewed: string | null;
  sections: ParsedSection[];
  references: Reference[];
  variant: GuideVariantInfo;
  // The conditions the guide is suggested for (front matter `codes:`); always empty on a variant, which is
  // suggested through its original (lib/guides/library/codes.ts).
  codes: GuideCode[];
  // Reading level of the content sections together (references and disclaimers left out).
  grade: number;
  words: number;
};

export type ParseResult = { ok: true; guide: ParsedGuide; warnings: string[] } | { ok: false; errors: string[] };

const DISCLAIMER_HEADING = /disclaimer|aviso legal|descargo de responsabilidad/i;
export const NO_DISCLAIMER_WARNING =
  "The guide has no '## Disclaimer' section: its handouts will carry only the clinic's own disclaimer line (Settings), if there is one.";
// Patients must always see when to get help, so such a section can never be dropped from a handout.
const SEEK_CARE_HEADING = /when to (seek|get) (care|help)|cu[aá]ndo (buscar|pedir|obtener) (atenci[oó]n|ayuda)/i;

type RawSection = { heading: Heading; title: string; nodes: RootContent[] };

// "> Key point: …" (or its Spanish label) as the last thing in a section.
const KEY_POINT_LINE = /^(?:key point|punto clave)\s*:\s*/i;

function takeKeyPoint(raw: RawSection, ctx: MapContext): string | null {
  const last = raw.nodes.at(-1);
  if (last?.type !== "blockquote") return null;
  const blocks = mapBlocks([last], ctx);
  const text = blocks.length === 1 && blocks[0]!.type === "paragraph" ? inlinesToPlainText(blocks[0]!.children) : "";
  if (!KEY_POINT_LINE.test(text)) return null;
  raw.nodes.pop();
  return text.replace(KEY_POINT_LINE, "").trim() || null;
}

function decode(input: Uint8Array | string): { text: string } | { error: string } {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input).byteLength : input.byteLength;
  if (bytes > MAX_GUIDE_BYTES) return { error: "The file is larger than 1 MB." };
  if (typeof input === "string") return { text: input };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    return { error: "The file is not UTF-8 text." };
  }
}

function classify(title: string): { kind: SectionKind; lock: LockReason | null } {
  if (REFERENCES_HEADING.test(title)) return { kind: "references", lock: null };
  if (DISCLAIMER_HEADING.test(title)) return { kind: "disclaimer", lock: "disclaimer" };
  return { kind: "content", lock: SEEK_CARE_HEADING.test(title) ? "seek-care" : null };
}

export function parseGuideMarkdown(
  input: Uint8Array | string,
  opts: { images?: Record<string, string> } = {},
): ParseResult {
  const decoded = decode(input);
  if ("error" in decoded) return { ok: false, errors: [decoded.error] };
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, errors: ["The file is empty."] };
  const shape = checkGuideShape(text);
  if (shape) return { ok: false, errors: [shape] };

  const front = splitFrontMatter(text, MAX_FRONT_MATTER_CHARS);
  const errors = [...front.errors];
  const warnings = [...front.warnings];
  const root = unified().use(remarkParse).use(remarkGfm).parse(front.body);
  const ctx: MapContext = {
    definitions: collectDefinitions(root),
    errors,
    warnings,
    lineOffset: front.lineOffset,
    images: opts.images,
  };

  let titleHeading: Heading | null = null;
  const preamble: RootContent[] = [];
  const rawSections: RawSection[] = [];
  for (const node of root.children) {
    const line = (node.position?.start.line ?? 0) + front.lineOffset;
    if (node.type === "heading" && node.depth === 1) {
      if (titleHeading || rawSections.length > 0) {
        errors.push(
          `Only one '# Title' heading is allowed, before the first section (line ${line}): use '##' for sections.`,
        );
      } else {
        titleHeading = node;
      }
    } else if (node.type === "heading" && node.depth === 2) {
      const title = inlinesToPlainText(mapInlines(node.children, ctx));
      if (title === "") errors.push(`The section heading on line ${line} has no title.`);
      rawSections.push({ heading: node, title, nodes: [] });
    } else {
      (rawSections.at(-1)?.nodes ?? preamble).push(node);
    }
  }

  const title = front.data.title ?? (titleHeading ? inlinesToPlainText(mapInlines(titleHeading.children, ctx)) : "");
  // A broken front matter block has already been reported and may well hold the title.
  if (title === "" && front.errors.length === 0)
    errors.push("The guide has no title: start it with a '# Title' line or a 'title:' in front matter.");
  if (rawSections.length === 0) errors.push("The guide has no sections: add at least one '## Section' heading.");
  if (rawSections.length > MAX_SECTIONS)
    return {
      ok: false,
      errors: [
        `A guide can have at most ${MAX_SECTIONS} sections; this one has ${rawSections.length.toLocaleString("en-US")}.`,
      ],
    };

  const preambleText = blocksToPlainText(mapBlocks(preamble, ctx));
  if (front.data.summary && preambleText) {
    warnings.push("The text before the first section was left out because the front matter has a summary.");
  }

  const seenKeys = new Set<string>();
  const sections: ParsedSection[] = [];
  for (const [order, raw] of rawSections.entries()) {
    if (raw.title === "") continue;
    const key = front.data.keys?.[order] ?? (slugify(raw.title) || `section-${order + 1}`);
    const keyPoint = takeKeyPoint(raw, ctx);
    const blocks = mapBlocks(raw.nodes, ctx);
    if (seenKeys.has(key)) {
      errors.push(
        front.data.keys
          ? `The key "${key}" is listed twice in "keys": each section needs its own.`
          : `Two sections are titled "${raw.title}": section titles must be unique.`,
      );
      continue;
    }
    seenKeys.add(key);
    if (!blocks.some((block) => block.type !== "heading")) errors.push(`Section "${raw.title}" is empty.`);
    const { kind, lock } = classify(raw.title);
    sections.push({
      key,
      title: raw.title,
      order,
      kind,
      lock,
      required: lock !== null,
      redFlag: false,
      blocks,
      citedRefKeys: [],
      plainText: "",
      grade: 0,
      words: 0,
      keyPoint,
    });
  }

  if (front.data.keys && front.data.keys.length !== rawSections.length) {
    errors.push(
      `Front matter "keys" lists ${front.data.keys.length} section keys but the guide has ${rawSections.length} sections: give one key per "##" section, in order.`,
    );
  }
  for (const [key, text] of Object.entries(front.data.keyPoints ?? {})) {
    const section = sections.find((s) => s.key === key);
    if (!section) errors.push(`Front matter "keyPoints" names the section "${key}", which the guide does not have.`);
    else section.keyPoint ??= text;
  }
  const language = front.data.language ?? "en";

  // References can sit anywhere (usually last), so they are collected before any citation is resolved.
  const references: Reference[] = [];
  for (const section of sections) {
    if (section.kind !== "references") continue;
    const extracted = extractReferences(section.blocks);
    section.blocks = extracted.blocks;
    references.push(...extracted.references);
  }
  if (references.length > MAX_REFERENCES) {
    return {
      ok: false,
      errors: [
        `A guide can list at most ${MAX_REFERENCES} references; this one has ${references.length.toLocaleString("en-US")}. Keep the sources the text cites.`,
      ],
    };
  }
  const long = references.findIndex((r) => r.text.length > MAX_REFERENCE_CHARS);
  if (long >= 0) {
    return {
      ok: false,
      errors: [
        `Reference ${long + 1} is ${references[long]!.text.length.toLocaleString("en-US")} characters long; a reference can have at most ${MAX_REFERENCE_CHARS.toLocaleString("en-US")}. Check the list under References.`,
      ],
    };
  }
  for (const section of sections) {
    if (section.kind !== "references") {
      const linked = linkCitations(section.blocks, references, section.title);
      section.blocks = linked.blocks;
      section.citedRefKeys = linked.citedRefKeys;
      warnings.push(...linked.warnings);
    }
    section.plainText = blocksToPlainText(section.blocks);
    Object.assign(section, readingStats(section.plainText, language));
  }
  errors.push(...applyLocks(sections, front.data.required ?? []));

  // A variant is found through its original (the builder then offers the family's levels and languages), so
  // it has no codes of its own: one set per family, kept on the original.
  if (front.data.variantOf && front.data.codes?.length)
    warnings.push(
      'Front matter "codes" was ignored: a variant is suggested through its original guide, so put the codes there.',
    );

  // Not an error: some clinics keep their disclaimer in the branding settings instead.
  if (sections.length > 0 && !sections.some((s) => s.kind === "disclaimer")) warnings.push(NO_DISCLAIMER_WARNING);

  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  const content = sections.filter((s) => s.kind === "content").map((s) => s.plainText);
  return {
    ok: true,
    guide: {
      ...readingStats(content.join("\n"), language),
      title,
      summary: front.data.summary ?? (preambleText || null),
      source: front.data.source ?? null,
      reviewed: front.data.reviewed ?? null,
      sections,
      references,
      variant: {
        of: front.data.variantOf ?? null,
        level: front.data.level ?? "standard",
        language,
        translationNote: front.data.translationNote ?? null,
        keysGiven: front.data.keys !== undefined,
      },
      codes: front.data.variantOf ? [] : (front.data.codes ?? []),
    },
    warnings,
  };
}
