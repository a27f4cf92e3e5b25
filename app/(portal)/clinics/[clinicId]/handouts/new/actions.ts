"use server";

import { redirect } from "next/navigation";
import { requireMember } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { formValues, fromError, invalid, type FormState } from "@/lib/forms";
import { createTemplateSchema } from "@/lib/templates/schemas";
import { createTemplate } from "@/lib/templates/mutations";
import { createHandout } from "@/lib/handouts/mutations";
import { draftFromFormData, flatFieldErrors, handoutDraftSchema } from "@/lib/handouts/schemas";
import { renderPreview } from "@/lib/handouts/preview";
import { requestInfo } from "@/lib/request-info";

export async function createHandoutAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = handoutDraftSchema.safeParse(draftFromFormData(formData));
  if (!parsed.success) {
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: flatFieldErrors(parsed.error), values: formValues(formData) };
  }
  let id: string;
  try {
    ({ id } = await createHandout(ctx.user.id, clinicId, parsed.data, await requestInfo()));
  } catch (err) {
    if (isAppError(err)) return fromError(err, formData);
    console.error("handout generation failed", err);
    return { ok: false, message: "The PDF could not be generated, so nothing was saved. Please try again.", values: formValues(formData) };
  }
  redirect(`/clinics/${clinicId}/handouts/${id}?generated=1`);
}

export type PreviewResult = { ok: true; preview: React.ReactNode } | { ok: false; message: string };

/** Renders page 1 on the server from the form as it is now; nothing is stored. */
export async function previewHandoutAction(clinicId: string, formData: FormData): Promise<PreviewResult> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return { ok: false, message: "The preview is not available." };
  try {
    return { ok: true, preview: await renderPreview(ctx.user.id, clinicId, draftFromFormData(formData)) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

/** "Save as template" from the builder: the same form, stored as a template instead of a handout. */
export async function saveTemplateAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const draft = draftFromFormData(formData) as { guideVersionId?: string; sectionKeys?: string[]; notes?: string; largePrint?: boolean };
  const parsed = createTemplateSchema.safeParse({ ...draft, templateName: formData.get("templateName") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createTemplate(ctx.user.id, clinicId, parsed.data, await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  return { ok: true, message: `Template “${parsed.data.templateName}” saved. Find it under Templates.` };
}
