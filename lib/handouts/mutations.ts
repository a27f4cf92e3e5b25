import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { getMembership } from "@/lib/clinics/membership";
import { renderInPool } from "@/lib/pdf/pool";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import { getClinicBranding, getSourceVersion } from "@/lib/handouts/sources";
import { brandingSnapshot, buildPdfInput } from "@/lib/handouts/build-input";
import type { Prisma } from "@/lib/generated/prisma/client";

type Info = { ip: string | null; userAgent: string | null };

/**
 * Generates the PDF, then stores the handout and its PDF in one transaction. Rendering happens first and
 * off the request thread: if it fails, nothing is stored.
 */
export async function createHandout(actorId: string, clinicId: string, draft: HandoutDraft, info: Info): Promise<{ id: string }> {
  await getMembership(actorId, clinicId);
  const [version, clinic] = await Promise.all([getSourceVersion(clinicId, draft.guideVersionId), getClinicBranding(clinicId)]);
  const branding = brandingSnapshot(clinic);
  const createdAt = new Date();
  const input = buildPdfInput(draft, version, branding, null, createdAt);
  const pdf = await renderInPool(input);
  const sourceHandoutId = draft.sourceHandoutId
    ? ((await db.handout.findFirst({ where: { id: draft.sourceHandoutId, clinicId }, select: { id: true } }))?.id ?? null)
    : null;

  return db.$transaction(async (tx) => {
    const handout = await tx.handout.create({
      data: {
        clinicId,
        authorId: actorId,
        guideVersionId: version.id,
        sourceHandoutId,
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
    await recordAudit({ action: "handout.generated", clinicId, actorId, targetType: "handout", targetId: handout.id, metadata: { pages: pdf.pages }, ...info }, tx);
    return handout;
  });
}
