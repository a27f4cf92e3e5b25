import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { renderInPool, renderThreadCount } from "@/lib/pdf/pool";
import { CURRENT_LAYOUT } from "@/lib/pdf/types";
import { createGate } from "@/lib/server/admission";
import { renderEnv } from "@/lib/env";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import { getGuideVersion } from "@/lib/guides/library/versions";
import { findSectionImages } from "@/lib/guides/library/images";
import { getClinicBranding, findLogoBytes } from "@/lib/clinics/branding";
import { refuseUnprintable } from "@/lib/handouts/printable";
import { brandingSnapshot } from "@/lib/handouts/snapshots";
import { printedFromDraft } from "@/lib/handouts/printed/from-draft";
import { requireChosenContent, selectSections } from "@/lib/handouts/printed/sections";
import { prepareLink, storeLink } from "@/lib/links/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberContext } from "@/lib/member-context";
import { getsPatientLink } from "@/lib/handouts/link-state";
import { findHandoutFromDraft } from "@/lib/handout-drafts/queries";
import { printedRecordOf, SEAL_VERSION, sealOf } from "@/lib/handouts/seal";

// Generate: the handout's printed model (lib/handouts/printed) rendered by the PDF renderer, then stored.
// It sits above both (lib/handouts never calls a renderer), beside the other jobs that use them.

const existingByKey = (clinicId: string, requestKey: string | undefined) =>
  requestKey
    ? db.handout.findUnique({ where: { clinicId_requestKey: { clinicId, requestKey } }, select: { id: true } })
    : null;

/**
 * Generates the PDF, then stores the handout and its PDF in one transaction (with its seal, its patient link, the
 * template's use count, the audit event, and the end of the builder's draft). Rendering happens first and off the request
 * thread: if it fails, nothing is stored. A repeat of a submission with the same request key (a double
 * click on "Make and email") returns the handout the first one made.
 */
export function createHandout(
  ctx: MemberContext,
  draft: HandoutDraft,
  after?: (tx: Tx, handout: { id: string }) => Promise<void>,
): Promise<{ id: string; created: boolean }> {
  return admitGenerate(ctx.clinic.id, () => generate(ctx, draft, after));
}

// One Generate at a time in this server (lib/server/admission.ts); as many may wait as the render queue holds
// (PDF_QUEUE_LIMIT, else 32 per render thread).
// Measured with 20 clinicians generating on one server (bench:cluster, tests/bench/README.md): one at
// a time, the handouts list and library keep TTFB p95 at 119-144 ms against 66-98 ms idle on a quiet machine.
// On a busier one (idle p95 207 ms), two at a time gave 675 ms and ungated 1144 ms. Handouts per second were
// the same in every case: the request thread's part of a Generate, not rendering, is what limits them.
const admitGenerate = createGate(1, renderEnv().PDF_QUEUE_LIMIT ?? 32 * renderThreadCount(), {
  holdUntilArrived: renderEnv().TEST_GENERATE_HOLD_UNTIL,
});

async function generate(
  ctx: MemberContext,
  draft: HandoutDraft,
  after?: (tx: Tx, handout: { id: string }) => Promise<void>,
): Promise<{ id: string; created: boolean }> {
  const clinicId = ctx.clinic.id;
  const repeat = await existingByKey(clinicId, draft.requestKey);
  if (repeat) return { ...repeat, created: false };
  if (draft.draftId) await refuseGeneratedDraft(ctx, draft.draftId);
  refuseUnprintable(draft);
  const [version, clinic, logo] = await Promise.all([
    getGuideVersion(clinicId, draft.guideVersionId),
    getClinicBranding(clinicId),
    findLogoBytes(clinicId),
  ]);
  requireChosenContent(version.sections, draft.sectionKeys);
  const branding = brandingSnapshot(clinic, logo);
  const createdAt = new Date();
  // The link exists before the render so the PDF can print its QR code; the handout never changes after.
  const link = getsPatientLink(draft.patientLink, clinic) ? prepareLink(clinic.linkDays, createdAt) : null;
  const images = await findSectionImages(clinicId, selectSections(version.sections, draft.sectionKeys));
  const input = printedFromDraft(draft, version, branding, {
    createdAt,
    layout: CURRENT_LAYOUT,
    link: link && { url: link.url },
    assets: { logoPng: logo ? new Uint8Array(logo.bytes) : null, images },
  });
  const pdf = await renderInPool(input, { tenant: clinicId });
  // What it printed, sealed from the same model: the patient page shows the handout only while it matches.
  const seal = sealOf(printedRecordOf(input));
  const [source, template] = await Promise.all([
    draft.sourceHandoutId
      ? db.handout.findFirst({ where: { id: draft.sourceHandoutId, clinicId }, select: { id: true } })
      : null,
    draft.templateId
      ? db.template.findFirst({ where: { id: draft.templateId, clinicId }, select: { id: true, name: true } })
      : null,
  ]);

  try {
    return await db.$transaction(async (tx) => {
      if (template)
        await tx.template.update({
          where: { id: template.id },
          data: { timesUsed: { increment: 1 }, lastUsedAt: createdAt },
        });
      const handout = await tx.handout.create({
        data: {
          clinicId,
          authorId: ctx.user.id,
          guideVersionId: version.id,
          sourceHandoutId: source?.id ?? null,
          templateId: template?.id ?? null,
          templateName: template?.name ?? null,
          title: draft.title,
          preparedFor: draft.preparedFor || null,
          followUpDate: draft.followUpDate ? new Date(`${draft.followUpDate}T00:00:00Z`) : null,
          notes: draft.notes,
          sectionKeys: input.sections.map((s) => s.key),
          contact: draft.contact as Prisma.InputJsonValue,
          // The model's own language and layout: what every later reading of the handout prints it in.
          options: {
            largePrint: input.largePrint,
            notesPosition: input.notesPosition,
            pageSize: input.pageSize,
            language: input.language,
            layout: input.layout,
          },
          branding: branding as unknown as Prisma.InputJsonValue,
          requestKey: draft.requestKey ?? null,
          draftId: draft.draftId ?? null,
          createdAt,
          pdf: {
            create: { bytes: new Uint8Array(pdf.bytes), sha256: pdf.sha256, size: pdf.bytes.length, pages: pdf.pages },
          },
        },
        select: { id: true },
      });
      await tx.handoutSeal.create({ data: { handoutId: handout.id, version: SEAL_VERSION, sha256: seal } });
      if (link) await storeLink(tx, ctx, handout.id, link);
      if (draft.draftId)
        await tx.handoutDraft.deleteMany({ where: { id: draft.draftId, clinicId, userId: ctx.user.id } });
      await auditMember(
        ctx,
        {
          action: "handout.generated",
          targetType: "handout",
          targetId: handout.id,
          metadata: { pages: pdf.pages, template: template?.name ?? null },
        },
        tx,
      );
      await after?.(tx, handout);
      return { ...handout, created: true };
    });
  } catch (err) {
    // Two submissions of one form raced past the first check: the one that lost finds the winner's handout.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await existingByKey(clinicId, draft.requestKey);
      if (winner) return { ...winner, created: false };
      // Or two tabs of one draft pressed Generate together: one handout, and the other tab is told.
      if (draft.draftId) await refuseGeneratedDraft(ctx, draft.draftId);
    }
    throw err;
  }
}

/**
 * A draft is made into one handout: Generate in a second tab of the same draft (or on its page brought back
 * with Back) is refused, naming the handout it already became.
 */
async function refuseGeneratedDraft(ctx: MemberContext, draftId: string) {
  const made = await findHandoutFromDraft(ctx, draftId);
  if (!made) return;
  throw new AppError(
    "CONFLICT",
    `This draft was already made into the handout “${made.title}”${made.preparedFor ? ` for ${made.preparedFor}` : ""}, in another tab or window. Open it from Handouts, or use “Duplicate and edit” there to make another.`,
  );
}
