import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { getMembership } from "@/lib/clinics/membership";
import { isManager } from "@/lib/clinics/roles";
import { getSourceVersion } from "@/lib/handouts/sources";
import type { z } from "zod";
import type { createTemplateSchema, updateTemplateSchema } from "@/lib/templates/schemas";

type Info = { ip: string | null; userAgent: string | null };

/** Any member saves a template from a guide version they can see. */
export async function createTemplate(actorId: string, clinicId: string, input: z.infer<typeof createTemplateSchema>, info: Info) {
  await getMembership(actorId, clinicId);
  const version = await getSourceVersion(clinicId, input.guideVersionId);
  const known = new Set(version.sections.map((s) => s.key));
  return db.$transaction(async (tx) => {
    const template = await tx.template.create({
      data: {
        clinicId,
        name: input.templateName,
        guideId: version.guideId,
        guideVersionId: version.id,
        sectionKeys: input.sectionKeys.filter((k) => known.has(k)),
        notes: input.notes,
        largePrint: input.largePrint,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAudit({ action: "template.created", clinicId, actorId, targetType: "template", targetId: template.id, ...info }, tx);
    return template;
  });
}

// Members change their own templates; owners and admins change any of the clinic's.
async function editableTemplate(actorId: string, clinicId: string, templateId: string) {
  const membership = await getMembership(actorId, clinicId);
  const template = await db.template.findFirst({ where: { id: templateId, clinicId }, select: { id: true, createdById: true } });
  if (!template) throw new AppError("NOT_FOUND", "Not found.");
  if (template.createdById !== actorId && !isManager(membership.role)) throw new AppError("FORBIDDEN", "You can only change templates you created.");
  return template;
}

export async function updateTemplate(actorId: string, clinicId: string, templateId: string, input: z.infer<typeof updateTemplateSchema>, info: Info) {
  await editableTemplate(actorId, clinicId, templateId);
  await db.$transaction(async (tx) => {
    await tx.template.update({ where: { id: templateId }, data: { name: input.templateName, notes: input.notes, largePrint: input.largePrint } });
    await recordAudit({ action: "template.updated", clinicId, actorId, targetType: "template", targetId: templateId, ...info }, tx);
  });
}

/** Deleting a template leaves the handouts made from it as they are (they keep its id and name). */
export async function deleteTemplate(actorId: string, clinicId: string, templateId: string, info: Info) {
  await editableTemplate(actorId, clinicId, templateId);
  await db.$transaction(async (tx) => {
    await tx.template.delete({ where: { id: templateId } });
    await recordAudit({ action: "template.deleted", clinicId, actorId, targetType: "template", targetId: templateId, ...info }, tx);
  });
}
