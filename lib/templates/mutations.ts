import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { isManager, type MemberContext } from "@/lib/member-context";
import { getGuideVersion } from "@/lib/guides/library/versions";
import { contactDefaults } from "@/lib/handouts/contact-defaults";
import { refuseUnprintable } from "@/lib/handouts/printable";
import { requireChosenContent } from "@/lib/handouts/printed/sections";
import { contactOverrides, type TemplateInput } from "@/lib/templates/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

// The stored form of a template's choices, from a guide version the clinic can see.
async function templateData(ctx: MemberContext, input: TemplateInput) {
  refuseUnprintable({ notes: input.notes, contact: input.contact });
  const version = await getGuideVersion(ctx.clinic.id, input.guideVersionId);
  const known = new Set(version.sections.map((s) => s.key));
  const sectionKeys = input.sectionKeys.filter((k) => known.has(k));
  requireChosenContent(version.sections, sectionKeys);
  return {
    name: input.templateName,
    guideId: version.guideId,
    guideVersionId: version.id,
    sectionKeys,
    notes: input.notes,
    largePrint: input.largePrint,
    patientLink: input.patientLink ?? null,
    contactOverrides: (input.contact
      ? contactOverrides(input.contact, await contactDefaults(ctx))
      : {}) as Prisma.InputJsonValue,
  };
}

/** Any member saves a template from a guide version they can see. */
export async function createTemplate(ctx: MemberContext, input: TemplateInput) {
  const data = await templateData(ctx, input);
  return db.$transaction(async (tx) => {
    const template = await tx.template.create({
      data: { ...data, clinicId: ctx.clinic.id, createdById: ctx.user.id },
      select: { id: true },
    });
    await auditMember(
      ctx,
      {
        action: "template.created",
        targetType: "template",
        targetId: template.id,
        metadata: { name: input.templateName },
      },
      tx,
    );
    return template;
  });
}

// Members change their own templates; owners and admins change any of the clinic's.
async function editableTemplate(ctx: MemberContext, templateId: string) {
  const template = await db.template.findFirst({
    where: { id: templateId, clinicId: ctx.clinic.id },
    select: { id: true, name: true, createdById: true, guideId: true },
  });
  if (!template) throw new AppError("NOT_FOUND", "Not found.");
  if (template.createdById !== ctx.user.id && !isManager(ctx.role))
    throw new AppError("FORBIDDEN", "You can only change templates you created.");
  return template;
}

export async function updateTemplate(ctx: MemberContext, input: TemplateInput & { templateId: string }) {
  const template = await editableTemplate(ctx, input.templateId);
  const data = await templateData(ctx, input);
  if (data.guideId !== template.guideId)
    throw new AppError("BAD_REQUEST", "A template stays with its guide: start a new template for another guide.");
  await db.$transaction(async (tx) => {
    await tx.template.update({ where: { id: template.id }, data });
    await auditMember(
      ctx,
      {
        action: "template.updated",
        targetType: "template",
        targetId: template.id,
        metadata: { name: input.templateName },
      },
      tx,
    );
  });
}

/** Deleting a template leaves the handouts made from it as they are (they keep its id and name). */
export async function deleteTemplate(ctx: MemberContext, templateId: string) {
  const template = await editableTemplate(ctx, templateId);
  await db.$transaction(async (tx) => {
    await tx.template.delete({ where: { id: template.id } });
    await auditMember(
      ctx,
      { action: "template.deleted", targetType: "template", targetId: template.id, metadata: { name: template.name } },
      tx,
    );
  });
}
