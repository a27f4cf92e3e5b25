import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { MAX_GUIDE_CODES, readCodeEntry, readCodeLine, sameCode, type GuideCode } from "../clinical-codes";

export type FrontMatter = {
  title?: string;
  summary?: string;
  source?: string;
  reviewed?: string;
  required?: string[];
  variantOf?: string;
  level?: "standard" | "plain";
  language?: string;
  keys?: string[];
  keyPoints?: Record<string, string>;
  translationNote?: string;
  codes?: GuideCode[];
};

// BCP 47 as the portal needs it: a language subtag, then optional script, region or variant subtags.
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const textField = (field: string) =>
  z
    .string({ error: `Front matter: "${field}" must be text.` })
    .trim()
    .min(1, { error: `Front matter: "${field}" is empty.` })
    .nullish()
    .transform((value) => value ?? undefined);

const codesShapeMessage =
  'Front matter: "codes" must be a list of codes, e.g. codes: [{system: icd-10-cm, code: M62.830, display: Muscle spasm of back}].';

const reviewedMessage = 'Front matter: "reviewed" must be a date written as YYYY-MM-DD, e.g. 2026-11-01.';

// Each field is checked on its own so one bad field does not also lose the good ones (a bad date should
// not add a misleading "no title" error).
const fieldSchemas = {
  title: textField("title"),
  summary: textField("summary"),
  source: textField("source"),
  reviewed: z
    .preprocess(
      // A YAML 1.1 style timestamp may arrive as a Date; the stored form is the ISO day.
      (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
      z.iso.date({ error: reviewedMessage }).nullish(),
    )
    .transform((value) => value ?? undefined),
  // Sections every handout of the guide must include, by title or key (beyond the disclaimer and "when to
  // seek care"): e.g. required: [Warning Signs — Call Right Away].
  required: z
    .array(
      z.string({ error: 'Front matter: each entry of "required" must be a section title or key.' }).trim().min(1),
      {
        error: 'Front matter: "required" must be a list of section titles or keys, e.g. required: [Warning Signs].',
      },
    )
    .max(100)
    .nullish()
    .transform((value) => value ?? undefined),
  // A variant of another guide (its key, the slug of its title), at a reading level and in a language.
  variantOf: textField("variantOf"),
  level: z
    .enum(["standard", "plain"], { error: 'Front matter: "level" must be standard or plain.' })
    .nullish()
    .transform((value) => value ?? undefined),
  language: z
    .string({ error: 'Front matter: "language" must be a language tag such as en or es.' })
    .trim()
    .regex(LANGUAGE_TAG, { error: 'Front matter: "language" must be a language tag such as en, es or es-MX.' })
    .nullish()
    .transform((value) => value ?? undefined),
  // The section keys of the original guide, one per section of this file in order (a variant's headings are
  // in another language or wording, so their slugs cannot be its keys).
  keys: z
    .array(z.string({ error: 'Front matter: each entry of "keys" must be a section key.' }).trim().min(1), {
      error: 'Front matter: "keys" must be a list of section keys, e.g. keys: [symptoms, causes].',
    })
    .max(100)
    .nullish()
    .transform((value) => value ?? undefined),
  keyPoints: z
    .record(
      z.string(),
      z
        .string({ error: 'Front matter: each entry of "keyPoints" must be one sentence of text.' })
        .trim()
        .min(1)
        .max(300),
      {
        error:
          'Front matter: "keyPoints" must map section keys to one sentence each, e.g. keyPoints: { symptoms: "…" }.',
      },
    )
    .nullish()
    .transform((value) => value ?? undefined),
  translationNote: textField("translationNote"),
  // The conditions the guide is suggested for: codes: [{system: icd-10-cm, code: M62.830, display: Muscle
  // spasm of back}], or one "ICD-10-CM M62.830 Muscle spasm of back" string per code (the editor's lines).
  codes: z.unknown().transform((value, ctx): GuideCode[] | undefined => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: codesShapeMessage });
      return z.NEVER;
    }
    if (value.length > MAX_GUIDE_CODES) {
      ctx.addIssue({
        code: "custom",
        message: `Front matter: "codes" lists ${value.length} codes; a guide can have at most ${MAX_GUIDE_CODES}.`,
      });
      return z.NEVER;
    }
    const codes: GuideCode[] = [];
    value.forEach((item: unknown, i) => {
      const entry =
        typeof item === "string"
          ? readCodeLine(item)
          : typeof item === "object" && item !== null && !Array.isArray(item)
            ? readCodeEntry(
                (item as Record<string, unknown>).system,
                (item as Record<string, unknown>).code,
                (item as Record<string, unknown>).display,
              )
            : { ok: false as const, error: "write it as {system: …, code: …, display: …}." };
      if (!entry.ok) ctx.addIssue({ code: "custom", message: `Front matter: "codes" entry ${i + 1}: ${entry.error}` });
      else if (!codes.some((c) => sameCode(c, entry.code))) codes.push(entry.code);
    });
    return codes;
  }),
} satisfies { [K in keyof FrontMatter]-?: z.ZodType<FrontMatter[K]> };

export type FrontMatterResult = {
  data: FrontMatter;
  body: string;
  // Lines taken by the front matter block, to keep Markdown line numbers true to the file.
  lineOffset: number;
  errors: string[];
  warnings: string[];
};

// remark-frontmatter is not a dependency, and a leading ---/--- block is all the format allows anyway.
export function splitFrontMatter(text: string, maxChars = Infinity): FrontMatterResult {
  const empty = { data: {}, body: text, lineOffset: 0, errors: [], warnings: [] };
  if (!/^---[ \t]*\n/.test(text)) return empty;
  const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
  if (!close) {
    return { ...empty, errors: ["The front matter that starts on line 1 has no closing '---' line."] };
  }
  if (close.index > maxChars) {
    return {
      ...empty,
      errors: [
        `The front matter is longer than ${maxChars.toLocaleString("en-US")} characters: keep it to the guide's title, summary, source and dates.`,
      ],
    };
  }
  const yamlText = text.slice(4, 3 + close.index + 1);
  const consumed = 3 + close.index + close[0].length;
  const lineOffset = text.slice(0, consumed).split("\n").length - 1;
  const body = text.slice(consumed);

  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { data: {}, body, lineOffset, errors: [`The front matter is not valid YAML: ${reason}`], warnings: [] };
  }
  if (raw === null || raw === undefined) return { data: {}, body, lineOffset, errors: [], warnings: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return {
      data: {},
      body,
      lineOffset,
      errors: ["The front matter must be a list of 'field: value' lines."],
      warnings: [],
    };
  }

  // "key:" is accepted for "keys:", the list being one key per section.
  const fields = { ...(raw as Record<string, unknown>) };
  if ("key" in fields && !("keys" in fields)) {
    fields.keys = fields.key;
    delete fields.key;
  }
  const warnings = Object.keys(fields)
    .filter((field) => !(field in fieldSchemas))
    .map((field) => `Front matter field "${field}" is not used and was ignored.`);
  const data: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const field of Object.keys(fieldSchemas) as (keyof FrontMatter)[]) {
    const parsed = fieldSchemas[field].safeParse(fields[field]);
    if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => issue.message));
    else if (parsed.data !== undefined) data[field] = parsed.data;
  }
  return { data: data as FrontMatter, body, lineOffset, errors, warnings };
}
