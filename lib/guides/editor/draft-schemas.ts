import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { MAX_SECTIONS } from "@/lib/guides/import/input-limits";

// A guide being written in the portal: what the editor form sends and what GuideDraft.content stores (parsed
// with this schema on every read). The text is the importer's Markdown, one body per `##` section, so the
// importer's parser validates and stores it exactly as it would an imported file.

export const draftSectionSchema = z.object({
  title: z.string().trim().max(200, "A section title can be at most 200 characters."),
  markdown: z.string().max(300_000, "A section can hold at most 300,000 characters."),
  // Locked into every handout by the author (front matter `required:`), beyond the disclaimer and "when to seek care".
  required: z.boolean().default(false),
  // Reads like warning signs, but the author chose to leave it optional (as the import preview lets them).
  keepUnlocked: z.boolean().default(false),
});

export const draftContentSchema = z.object({
  title: z.string().trim().max(200, "The title can be at most 200 characters.").default(""),
  summary: z.string().trim().max(2000, "The summary can be at most 2,000 characters.").default(""),
  source: z.string().trim().max(500, "The source can be at most 500 characters.").default(""),
  reviewed: z.union([z.iso.date("Write the review date as YYYY-MM-DD."), z.literal("")]).default(""),
  sections: z.array(draftSectionSchema).max(MAX_SECTIONS, `A guide can have at most ${MAX_SECTIONS} sections.`),
  // The guide's language and reading level (lib/guides/import/variants.ts), carried so a publish keeps them.
  language: z.string().max(35).default("en"),
  level: z.enum(["standard", "plain"]).default("standard"),
  // The conditions it is suggested for, as typed: one "ICD-10-CM M62.830 Muscle spasm of back" a line
  // (editor/code-lines.ts), so a line with a typo is kept until it is fixed.
  codes: z.string().max(20_000, "The codes can be at most 20,000 characters.").default(""),
});

export type DraftContent = z.output<typeof draftContentSchema>;
export type DraftSection = DraftContent["sections"][number];

// The editor sends the whole draft as one JSON field, with the revision it started from.
const contentField = z
  .string()
  .max(2 * 1024 * 1024, "The guide is larger than 1 MB.")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The editor's form could not be read. Reload the page and try again." });
      return z.NEVER;
    }
  })
  .pipe(draftContentSchema);

export const saveDraftSchema = z.object({
  draftId: idSchema,
  revision: z.coerce.number().int().min(1),
  content: contentField,
});
export const draftRefSchema = z.object({ draftId: idSchema, revision: z.coerce.number().int().min(1) });
export const guideRefSchema = z.object({ guideId: idSchema });
