import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember, recordAudit } from "@/lib/audit/mutations";
import { requireCanWithdrawHandout } from "@/lib/handouts/withdraw-rule";
import { linkToken, linkTokenHash, linkUrl, newLinkSeed } from "@/lib/handouts/link-tokens";
import type { MemberContext } from "@/lib/member-context";

export type NewLink = { seed: string; tokenHash: string; url: string; expiresAt: Date };

/** A link made before the PDF is rendered, so the PDF can carry its QR code; stored with the handout. */
export function prepareLink(days: number, now = new Date()): NewLink {
  const seed = newLinkSeed();
  const token = linkToken(seed);
  return {
    seed,
    tokenHash: linkTokenHash(token),
    url: linkUrl(token),
    expiresAt: new Date(now.getTime() + days * 86_400_000),
  };
}

export async function storeLink(tx: Tx, ctx: MemberContext, handoutId: string, link: NewLink): Promise<void> {
  await tx.patientLink.create({
    data: { clinicId: ctx.clinic.id, handoutId, seed: link.seed, tokenHash: link.tokenHash, expiresAt: link.expiresAt },
  });
  await auditMember(
    ctx,
    {
      action: "link.created",
      targetType: "handout",
      targetId: handoutId,
      metadata: { expiresAt: link.expiresAt.toISOString() },
    },
    tx,
  );
}

/**
 * Withdraws a handout's patient link at once: the page and the PDF answer as if it never existed. Its
 * author or a manager only, as for voiding (lib/handouts/withdraw-rule.ts).
 */
export async function revokeLink(ctx: MemberContext, handoutId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const link = await tx.patientLink.findFirst({
      where: { handoutId, clinicId: ctx.clinic.id },
      select: { handout: { select: { authorId: true } } },
    });
    if (!link) throw new AppError("NOT_FOUND", "Not found.");
    requireCanWithdrawHandout(ctx, link.handout, "withdraw its patient link");
    const { count } = await tx.patientLink.updateMany({
      where: { handoutId, clinicId: ctx.clinic.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: ctx.user.id },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "That link is already withdrawn.");
    await auditMember(ctx, { action: "link.revoked", targetType: "handout", targetId: handoutId }, tx);
  });
}

const DAY_MS = 86_400_000;

/**
 * Counts one opening of a link: first and last time and how many, nothing about who (no address, no user
 * agent). The audit log gets the first opening, then at most one event a day.
 */
export async function recordOpen(
  link: { id: string; clinicId: string; handoutId: string },
  now = new Date(),
): Promise<void> {
  const [row] = await db.$queryRaw<{ audit: boolean }[]>`
    UPDATE "PatientLink" SET "openCount" = "openCount" + 1, "firstOpenedAt" = COALESCE("firstOpenedAt", ${now}), "lastOpenedAt" = ${now},
      "lastOpenAuditAt" = CASE WHEN "lastOpenAuditAt" IS NULL OR "lastOpenAuditAt" < ${new Date(now.getTime() - DAY_MS)} THEN ${now} ELSE "lastOpenAuditAt" END
    WHERE "id" = ${link.id}
    RETURNING "lastOpenAuditAt" = ${now} AS audit`;
  if (row?.audit)
    await recordAudit({
      action: "link.opened",
      clinicId: link.clinicId,
      targetType: "handout",
      targetId: link.handoutId,
    });
}

export async function recordLinkPdf(link: { clinicId: string; handoutId: string }): Promise<void> {
  await recordAudit({
    action: "link.pdf_downloaded",
    clinicId: link.clinicId,
    targetType: "handout",
    targetId: link.handoutId,
  });
}

/**
 * A live link whose handout did not match its seal (or has none): the page showed nothing of it. Audited,
 * and logged for whoever runs the server, since it means the database was changed behind the portal's back
 * (or, for "unsealed", that `npm run db:migrate` has not sealed the handouts made before seals existed).
 */
export async function recordUnverified(
  link: { clinicId: string; handoutId: string },
  check: "mismatch" | "unsealed",
): Promise<void> {
  console.error(
    `[links] handout ${link.handoutId} was not shown: ${check === "mismatch" ? "its content no longer matches its seal" : "it has no seal (run npm run db:migrate)"}`,
  );
  await recordAudit({
    action: "link.unverified",
    clinicId: link.clinicId,
    targetType: "handout",
    targetId: link.handoutId,
    metadata: { check },
  });
}
