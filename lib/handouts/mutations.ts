import "server-only";
import { db } from "@/lib/db";
import { auditMember } from "@/lib/audit/mutations";
import { renderInPool } from "@/lib/pdf/pool";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import { getGuideVersion } from "@/lib/guides/versions";
import { brandingSnapshot, buildPdfInput } from "@/lib/handouts/build-input";
import { getClinicBranding, getLogoBytes } from "@/lib/clinics/branding";
import type { MemberContext } from "@/lib/authz";
import { refuseUnprintable } from "@/lib/handouts/printable";
import { requireChosenContent } from "@/lib/pdf/select-sections";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Generates the PDF, then stores the handout and its PDF in one transaction. Rendering happens first and
 * off the request thread: if it fails, nothing is stored.
 */
export async function createHandout(ctx: MemberContext, draft: HandoutDraft): Promise<{ id: string }> {
  const clinicId = ctx.clinic.id;
  refuseUnprintable(draft);
  const [version, clinic, logo] = await Promise.all([getGuideVersion(clinicId, draft.guideVersionId), getClinicBranding(clinicId), getLogoBytes(clinicId)]);
  requireChosenContent(version.sections, draft.sectionKeys);
  const branding = brandingSnapshot(clinic, logo);
  const createdAt = new Date();
  const input = buildPdfInput(draft, version, branding, logo ? new Uint8Array(logo.bytes) : null, createdAt);
  const pdf = await renderInPool(input);
  const sourceHandoutId = draft.sourceHandoutId
    ? ((await db.handout.findFirst({ where: { id: draft.sourceHandoutId, clinicId }, select: { id: true } }))?.id ?? null)
    : null;

  const template = draft.templateId ? await db.template.findFirst({ where: { id: draft.templateId, clinicId }, select: { id: true, name: true } }) : null;

  return db.$transaction(async (tx) => {
    if (template) await tx.template.update({ where: { id: template.id }, data: { timesUsed: { increment: 1 }, lastUsedAt: createdAt } });
    const handout = await tx.handout.create({
      data: {
        clinicId,
        authorId: ctx.user.id,
        guideVersionId: version.id,
        sourceHandoutId,
        templateId: template?.id ?? null,
        templateName: template?.name ?? null,
        title: draft.title,
        preparedFor: draft.preparedFor || null,
        followUpDate: draft.followUpDate ? new Date(`${draft.followUpDate}T00:00:00Z`) : null,
        notes: draft.notes,
        sectionKeys: input.sections.map((s) => s.key),
        contact: draft.contact as Prisma.InputJsonValue,
        options: { largePrint: draft.largePrint, notesPosition: branding.notesPosition, pageSize: branding.pageSize },
        branding: branding as unknown as Prisma.InputJsonValue,
        createdAt,
        pdf: { create: { bytes: new Uint8Array(pdf.bytes), sha256: pdf.sha256, size: pdf.bytes.length, pages: pdf.pages } },
      },
      select: { id: true },
    });
    await auditMember(ctx, { action: "handout.generated", targetType: "handout", targetId: handout.id, metadata: { pages: pdf.pages } }, tx);
    return handout;
  });
}
