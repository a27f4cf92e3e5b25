import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import type { SendHandoutInput } from "@/lib/deliveries/schemas";
import { maskAddress } from "@/lib/email/mask";
import { recipientHash } from "@/lib/deliveries/recipient-hash";
import { isLive } from "@/lib/handouts/link-state";
import type { MemberContext } from "@/lib/member-context";

/**
 * Queues the email: one row that is both the delivery record and the outbox job, written with its audit
 * event in one transaction. The idempotency key makes repeats of the same form submission return the
 * same delivery, however many arrive at once. Nothing here talks to the mail server. (The send form asks
 * about a likely typo or an earlier email of the handout first: checkRecipient.)
 */
export async function requestDelivery(
  ctx: MemberContext,
  input: SendHandoutInput,
): Promise<{ id: string; created: boolean }> {
  const handout = await db.handout.findFirst({
    where: { id: input.handoutId, clinicId: ctx.clinic.id },
    select: { id: true, void: { select: { handoutId: true } }, link: { select: { revokedAt: true, expiresAt: true } } },
  });
  if (!handout) throw new AppError("NOT_FOUND", "Not found.");
  if (handout.void)
    throw new AppError("CONFLICT", "This handout was voided: it cannot be emailed. Make a new one instead.");
  if (input.mode === "LINK" && !isLive(handout.link)) {
    throw new AppError("CONFLICT", "This handout has no working patient link: attach the PDF instead.", {
      mode: ["This handout has no working patient link."],
    });
  }
  return db.$transaction((tx) => queueDelivery(tx, ctx, input));
}

/** The delivery row (and job) for a handout of the caller's clinic, inside the caller's transaction. */
export async function queueDelivery(
  tx: Tx,
  ctx: MemberContext,
  input: SendHandoutInput,
): Promise<{ id: string; created: boolean }> {
  const clinicId = ctx.clinic.id;
  const mode = input.mode ?? "ATTACHMENT";
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Delivery" ("id", "clinicId", "handoutId", "requestedById", "idempotencyKey", "recipient", "recipientMask", "recipientHash", "message", "mode", "updatedAt")
    VALUES (${`dlv_${crypto.randomUUID().replace(/-/g, "")}`}, ${clinicId}, ${input.handoutId}, ${ctx.user.id}, ${input.idempotencyKey}, ${input.recipient},
            ${maskAddress(input.recipient)}, ${recipientHash(clinicId, input.recipient)}, ${mode === "LINK" ? null : input.message || null}, ${mode}::"DeliveryMode", now())
    ON CONFLICT ("clinicId", "idempotencyKey") DO NOTHING
    RETURNING "id"`;
  if (inserted[0]) {
    await auditMember(
      ctx,
      {
        action: "delivery.requested",
        targetType: "delivery",
        targetId: inserted[0].id,
        metadata: { handoutId: input.handoutId, mode },
      },
      tx,
    );
    return { id: inserted[0].id, created: true };
  }
  const existing = await tx.delivery.findFirst({
    where: { clinicId, idempotencyKey: input.idempotencyKey, handoutId: input.handoutId },
    select: { id: true },
  });
  if (!existing) throw new AppError("CONFLICT", "The form expired: reload the page and try again.");
  return { id: existing.id, created: false };
}

/** Sends a failed delivery again, from the start of its retry schedule. */
export async function retryDelivery(ctx: MemberContext, deliveryId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({
      where: {
        id: deliveryId,
        clinicId: ctx.clinic.id,
        status: "FAILED",
        recipient: { not: null },
        handout: { void: null },
      },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null, leaseUntil: null },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "That email cannot be retried.");
    await auditMember(ctx, { action: "delivery.retried", targetType: "delivery", targetId: deliveryId }, tx);
  });
}
