import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { isManager } from "@/lib/clinics/roles";
import { getGuideVersion } from "@/lib/guides/versions";
import type { z } from "zod";
import type { MemberContext } from "@/lib/authz";
import type { createTemplateSchema, updateTemplateSchema } from "@/lib/templates/schemas";

/** Any member saves a template from a guide version they can see. */
export async function createTemplate(ctx: MemberContext, input: z.infer<typeof createTemplateSchema>) {
  const clinicId = ctx.clinic.id;
  const version = await getGuideVersion(clinicId, input.guideVersionId);
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
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    await auditMember(ctx, { action: "template.created", targetType: "template", targetId: template.id, metadata: { name: input.templateName } }, tx);
    return template;
  });
}

// Members change their own templates; owners and admins change any of the clinic's.
async function editableTemplate(ctx: MemberContext, templateId: string) {
  const template = await db.template.findFirst({ where: { id: templateId, clinicId: ctx.clinic.id }, select: { id: true, name: true, createdById: true } });
  if (!template) throw new AppError("NOT_FOUND", "Not found.");
  if (template.createdById !== ctx.user.id && !isManager(ctx.role)) throw new AppError("FORBIDDEN", "You can only change templates you created.");
  return template;
}

export async function updateTemplate(ctx: MemberContext, input: z.infer<typeof updateTemplateSchema>) {
  const template = await editableTemplate(ctx, input.templateId);
  await db.$transaction(async (tx) => {
    await tx.template.update({ where: { id: template.id }, data: { name: input.templateName, notes: input.notes, largePrint: input.largePrint } });
    await auditMember(ctx, { action: "template.updated", targetType: "template", targetId: template.id, metadata: { name: input.templateName } }, tx);
  });
}

/** Deleting a template leaves the handouts made from it as they are (they keep its id and name). */
export async function deleteTemplate(ctx: MemberContext, templateId: string) {
  const template = await editableTemplate(ctx, templateId);
  await db.$transaction(async (tx) => {
    await tx.template.delete({ where: { id: template.id } });
    await auditMember(ctx, { action: "template.deleted", targetType: "template", targetId: template.id, metadata: { name: template.name } }, tx);
  });
}
