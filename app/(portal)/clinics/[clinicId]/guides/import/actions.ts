"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { importClinicGuide, previewClinicGuide } from "@/lib/guides/import/mutations";
import { importGuideSchema } from "@/lib/guides/import/schemas";
import { importGuideZip } from "@/lib/guides/import/zip-import";
import { importOutcome } from "@/lib/guides/import/store";
import { ZIP_MAX_BYTES } from "@/lib/guides/import/zip-entries";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";

export type ImportPreview = {
  markdown: string;
  title: string;
  summary: string | null;
  grade: number;
  language: string;
  sections: {
    key: string;
    title: string;
    kind: string;
    required: boolean;
    lock: string | null;
    redFlag: boolean;
    grade: number;
    words: number;
  }[];
  references: number;
  warnings: string[];
};

/** Step 1: parse and show what would be imported. Nothing is stored. */
export const previewGuideAction = clinicAction(
  { schema: importGuideSchema },
  async (ctx, input): Promise<FormState<ImportPreview>> => {
    const file = input.file && input.file.size > 0 ? input.file : undefined;
    const source = file ? new Uint8Array(await file.arrayBuffer()) : input.text;
    const field = file ? "file" : "text";
    try {
      const { guide: g, warnings } = await previewClinicGuide(ctx, source);
      return {
        ok: true,
        data: {
          markdown: typeof source === "string" ? source : Buffer.from(source).toString("utf8"),
          title: g.title,
          summary: g.summary,
          grade: g.grade,
          language: g.variant.language,
          sections: g.sections.map((s) => ({
            key: s.key,
            title: s.title,
            kind: s.kind,
            required: s.required,
            lock: s.lock,
            redFlag: s.redFlag,
            grade: s.grade,
            words: s.words,
          })),
          references: g.references.length,
          warnings,
        },
      };
    } catch (err) {
      // Problems with the text belong next to the field it came from.
      if (isAppError(err))
        return {
          ok: false,
          message: err.message,
          fieldErrors: { [field]: err.fieldErrors?.source ?? [err.message] },
          values: { text: input.text },
        };
      throw err;
    }
  },
);

/** Step 2: parse again on the server (the preview is never trusted) and import into the clinic's library. */
// The preview lists each section that reads like warning signs with a ticked "always include" box: a section
// the form listed ("flagged") and whose box came back unticked stays optional; anything else stays locked.
const readDecisions = (fd: FormData) => {
  const locked = new Set(fd.getAll("lock"));
  return { markdown: fd.get("markdown"), keepUnlocked: fd.getAll("flagged").filter((key) => !locked.has(key)) };
};

const confirmSchema = z.object({
  markdown: z.string().max(2 * 1024 * 1024),
  keepUnlocked: z.array(z.string().max(120)).max(100),
});

export const confirmImportAction = clinicAction(
  { schema: confirmSchema, read: readDecisions },
  async (ctx, { markdown, keepUnlocked }) => {
    const result = await importClinicGuide(ctx, markdown, { keepUnlocked });
    redirect(`/clinics/${ctx.clinic.id}/guides/${result.guideId}?imported=${importOutcome(result)}`);
  },
);

const zipSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a .zip file." })
    .refine((f) => f.size > 0, "Choose a .zip file.")
    .refine((f) => f.size <= ZIP_MAX_BYTES, "The zip is larger than 20 MB.")
    .refine((f) => /\.zip$/i.test(f.name), "Choose a .zip file."),
});

/** A guide with pictures: one .zip, checked whole and imported in one step (there is no preview of it). */
export const importZipAction = clinicAction({ schema: zipSchema }, async (ctx, { file }) => {
  const result = await importGuideZip(ctx, new Uint8Array(await file.arrayBuffer()), file.name);
  redirect(`/clinics/${ctx.clinic.id}/guides/${result.guideId}?imported=${importOutcome(result)}`);
});
