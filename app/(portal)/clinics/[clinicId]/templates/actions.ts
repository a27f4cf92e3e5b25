"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/authz";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { updateTemplateSchema } from "@/lib/templates/schemas";
import { deleteTemplate, updateTemplate } from "@/lib/templates/mutations";
import { requestInfo } from "@/lib/request-info";

export async function updateTemplateAction(clinicId: string, templateId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = updateTemplateSchema.safeParse({
    templateName: formData.get("templateName") ?? "",
    notes: String(formData.get("notes") ?? "").replace(/\r\n/g, "\n"),
    largePrint: formData.get("largePrint") === "on",
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    await updateTemplate(ctx.user.id, clinicId, templateId, parsed.data, await requestInfo());
  } catch (err) {
    return fromError(err, formData);
  }
  revalidatePath(`/clinics/${clinicId}/templates`);
  return { ok: true, message: "Template saved." };
}

export async function deleteTemplateAction(clinicId: string, templateId: string): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  try {
    await deleteTemplate(ctx.user.id, clinicId, templateId, await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  redirect(`/clinics/${clinicId}/templates`);
}
