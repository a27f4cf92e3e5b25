import "server-only";
import { queueChartFollowUp } from "@/lib/handouts/chart-queue";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { requireCanWithdrawHandout } from "@/lib/handouts/withdraw-rule";
import type { MemberContext } from "@/lib/member-context";

// A handout is made by Generate (lib/printing/generate.ts createHandout), which renders it first.

/**
 * Withdraws a handout made in error (its author or a manager, with a reason). The handout stays stored as it
 * was, marked void: it can no longer be emailed, and its patient link stops working.
 */
export async function voidHandout(ctx: MemberContext, handoutId: string, reason: string): Promise<void> {
  const handout = await db.handout.findFirst({
    where: { id: handoutId, clinicId: ctx.clinic.id },
    select: { id: true, authorId: true, void: { select: { handoutId: true } } },
  });
  if (!handout) throw new AppError("NOT_FOUND", "Not found.");
  requireCanWithdrawHandout(ctx, handout, "void it");
  if (handout.void) throw new AppError("CONFLICT", "This handout is already void.");
  await db.$transaction(async (tx) => {
    await tx.handoutVoid.create({
      data: { handoutId: handout.id, clinicId: ctx.clinic.id, voidedById: ctx.user.id, reason },
    });
    // Queued emails of a void handout are not sent.
    await tx.delivery.updateMany({
      where: { handoutId: handout.id, clinicId: ctx.clinic.id, status: { in: ["QUEUED", "FAILED"] } },
      data: { status: "FAILED", lastError: "The handout was voided before this email was sent.", leaseUntil: null },
    });
    await queueChartFollowUp(tx, ctx.clinic.id, handout.id, "void");
    await auditMember(ctx, { action: "handout.voided", targetType: "handout", targetId: handout.id }, tx);
  });
}
