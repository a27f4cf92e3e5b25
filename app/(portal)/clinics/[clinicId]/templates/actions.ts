"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clinicAction } from "@/lib/actions";
import { deleteTemplateSchema, updateTemplateSchema } from "@/lib/templates/schemas";
import { deleteTemplate, updateTemplate } from "@/lib/templates/mutations";
import type { FormState } from "@/lib/forms";
import { draftFromFormData } from "@/lib/handouts/schemas";

// The template page's form has the builder's fields (sections, notes, large print, contact block).
const readTemplateForm = (fd: FormData) => ({
  ...(draftFromFormData(fd) as object),
  templateId: fd.get("templateId"),
  templateName: fd.get("templateName") ?? "",
});

export const updateTemplateAction = clinicAction(
  { schema: updateTemplateSchema, read: readTemplateForm },
  async (ctx, input): Promise<FormState> => {
    await updateTemplate(ctx, input);
    revalidatePath(`/clinics/${ctx.clinic.id}/templates`);
    return { ok: true, message: "Template saved." };
  },
);

export const deleteTemplateAction = clinicAction({ schema: deleteTemplateSchema }, async (ctx, { templateId }) => {
  await deleteTemplate(ctx, templateId);
  redirect(`/clinics/${ctx.clinic.id}/templates`);
});
