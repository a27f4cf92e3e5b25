"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clinicAction } from "@/lib/actions";
import { deleteTemplateSchema, updateTemplateSchema } from "@/lib/templates/schemas";
import { deleteTemplate, updateTemplate } from "@/lib/templates/mutations";
import type { FormState } from "@/lib/forms";

const readTemplateForm = (fd: FormData) => ({
  templateId: fd.get("templateId"),
  templateName: fd.get("templateName") ?? "",
  notes: String(fd.get("notes") ?? "").replace(/\r\n/g, "\n"),
  largePrint: fd.get("largePrint") === "on",
});

export const updateTemplateAction = clinicAction({ schema: updateTemplateSchema, read: readTemplateForm }, async (ctx, input): Promise<FormState> => {
  await updateTemplate(ctx, input);
  revalidatePath(`/clinics/${ctx.clinic.id}/templates`);
  return { ok: true, message: "Template saved." };
});

export const deleteTemplateAction = clinicAction({ schema: deleteTemplateSchema }, async (ctx, { templateId }) => {
  await deleteTemplate(ctx, templateId);
  redirect(`/clinics/${ctx.clinic.id}/templates`);
});
