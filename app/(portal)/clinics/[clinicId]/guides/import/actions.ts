"use server";

import { redirect } from "next/navigation";
import { requireMember, MANAGERS } from "@/lib/authz";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { parseGuideMarkdown } from "@/lib/guides/parse-markdown";
import { guideReadingStats } from "@/lib/guides/import";
import { readingStats } from "@/lib/guides/readability";
import { importClinicGuide } from "@/lib/guides/mutations";
import { importGuideSchema } from "@/lib/guides/schemas";
import { requestInfo } from "@/lib/request-info";

export type ImportPreview = {
  markdown: string;
  title: string;
  summary: string | null;
  grade: number;
  sections: { key: string; title: string; kind: string; required: boolean; grade: number; words: number }[];
  references: number;
  warnings: string[];
};

/** Step 1: parse and show what would be imported. Nothing is stored. */
export async function previewGuideAction(clinicId: string, _prev: FormState<ImportPreview>, formData: FormData): Promise<FormState<ImportPreview>> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const file = formData.get("file");
  const parsedForm = importGuideSchema.safeParse({ file: file instanceof File && file.size > 0 ? file : undefined, text: formData.get("text") ?? "" });
  if (!parsedForm.success) return invalid(parsedForm.error, formData);
  const source = parsedForm.data.file ? Buffer.from(await parsedForm.data.file.arrayBuffer()) : parsedForm.data.text;
  const parsed = parseGuideMarkdown(source);
  const field = parsedForm.data.file ? "file" : "text";
  if (!parsed.ok) return { ok: false, message: "The guide could not be read. Fix the problems below and try again.", fieldErrors: { [field]: parsed.errors }, values: { text: parsedForm.data.text } };
  const g = parsed.guide;
  return {
    ok: true,
    data: {
      markdown: typeof source === "string" ? source : source.toString("utf8"),
      title: g.title,
      summary: g.summary,
      grade: guideReadingStats(g).grade,
      sections: g.sections.map((s) => ({ key: s.key, title: s.title, kind: s.kind, required: s.required, ...readingStats(s.plainText) })),
      references: g.references.length,
      warnings: parsed.warnings,
    },
  };
}

/** Step 2: parse again on the server (the preview is never trusted) and import into the clinic's library. */
export async function confirmImportAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  let guideId: string;
  try {
    ({ guideId } = await importClinicGuide(ctx.user.id, clinicId, String(formData.get("markdown") ?? ""), await requestInfo()));
  } catch (err) {
    return fromError(err);
  }
  redirect(`/clinics/${clinicId}/guides/${guideId}`);
}
