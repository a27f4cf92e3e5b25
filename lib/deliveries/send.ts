import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail, senderDomain } from "@/lib/email/mailer";
import { claimNext, classifySmtpError, retryDelay, withLease } from "@/lib/email/outbox";
import { recordAudit } from "@/lib/audit/mutations";
import { composeHandoutEmail, composeLinkEmail } from "@/lib/deliveries/compose";
import { isLive } from "@/lib/handouts/link-state";
import { queueChartFollowUp } from "@/lib/handouts/chart-queue";
import { linkToken, linkUrl } from "@/lib/handouts/link-tokens";
import { readContact, readOptions } from "@/lib/handouts/snapshots";
import { Prisma } from "@/lib/generated/prisma/client";

export type ClaimedDelivery = {
  id: string;
  clinicId: string;
  handoutId: string;
  recipient: string | null;
  message: string | null;
  mode: "LINK" | "ATTACHMENT";
  attempts: number;
};

/**
 * Claims the next due delivery (or one whose worker's lease ran out). `clinicId` limits a worker to one
 * clinic (a dedicated worker for a large clinic; the tests use it to stay out of each other's way).
 */
export function claimNextDelivery(opts: { clinicId?: string } = {}): Promise<ClaimedDelivery | null> {
  return claimNext<ClaimedDelivery>(
    "Delivery",
    Prisma.sql`"id", "clinicId", "handoutId", "recipient", "message", "mode"::text AS "mode", "attempts"`,
    opts.clinicId ? Prisma.sql`"clinicId" = ${opts.clinicId}` : undefined,
  );
}

/**
 * One attempt at a claimed delivery. Every state change is fenced by the attempt number, so a worker
 * whose lease expired cannot overwrite what the worker that took over wrote. Every attempt carries the same
 * Message-ID, so a copy sent again after a crash (between the server's "250 OK" and our commit) is the same
 * message to the receiving system, which may drop it as a duplicate.
 */
export async function processDelivery(job: ClaimedDelivery, smtpUrl?: string): Promise<"sent" | "retry" | "failed"> {
  const fence = { id: job.id, status: "SENDING" as const, attempts: job.attempts };
  const handout = await db.handout.findFirst({
    where: { id: job.handoutId, clinicId: job.clinicId },
    select: {
      contact: true,
      options: true,
      createdAt: true,
      // The PDF's bytes only when they are attached.
      pdf: { select: job.mode === "ATTACHMENT" ? { bytes: true } : { handoutId: true } },
      void: { select: { handoutId: true } },
      link: { select: { seed: true, revokedAt: true, expiresAt: true } },
    },
  });
  const linkGone = job.mode === "LINK" && !isLive(handout?.link ?? null);
  if (!job.recipient || !handout?.pdf || handout.void || linkGone) {
    const lastError = handout?.void
      ? "The handout was voided before this email was sent."
      : linkGone && handout
        ? "The patient link was withdrawn or expired before this email was sent."
        : "The handout or the address is no longer available.";
    await db.delivery.updateMany({ where: fence, data: { status: "FAILED", lastError, leaseUntil: null } });
    return "failed";
  }
  try {
    const common = {
      to: job.recipient,
      contact: readContact(handout.contact),
      language: readOptions(handout.options).language,
      messageId: `<delivery-${job.id}@${senderDomain()}>`,
    };
    const mail =
      job.mode === "LINK" && handout.link
        ? composeLinkEmail({ ...common, url: linkUrl(linkToken(handout.link.seed)), expiresAt: handout.link.expiresAt })
        : composeHandoutEmail({
            ...common,
            message: job.message,
            pdf: Buffer.from((handout.pdf as { bytes: Uint8Array }).bytes),
            date: handout.createdAt,
          });
    const { messageId } = await withLease("Delivery", job, (signal) => sendMail(mail, smtpUrl, signal));
    await db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({
        where: fence,
        data: { status: "SENT", sentAt: new Date(), messageId, lastError: null, leaseUntil: null },
      });
      if (count === 1) {
        await queueChartFollowUp(tx, job.clinicId, job.handoutId, `communication:${job.id}`, job.id);
        await recordAudit(
          {
            action: "delivery.sent",
            clinicId: job.clinicId,
            targetType: "delivery",
            targetId: job.id,
            metadata: { attempts: job.attempts },
          },
          tx,
        );
      }
    });
    return "sent";
  } catch (err) {
    const { permanent, reason } = classifySmtpError(err);
    const giveUp = permanent || job.attempts >= env().DELIVERY_MAX_ATTEMPTS;
    await db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({
        where: fence,
        data: giveUp
          ? { status: "FAILED", lastError: reason, leaseUntil: null }
          : {
              status: "QUEUED",
              lastError: reason,
              leaseUntil: null,
              nextAttemptAt: new Date(Date.now() + retryDelay(job.attempts)),
            },
      });
      if (count === 1 && giveUp) {
        await recordAudit(
          {
            action: "delivery.failed",
            clinicId: job.clinicId,
            targetType: "delivery",
            targetId: job.id,
            metadata: { attempts: job.attempts, permanent },
          },
          tx,
        );
      }
    });
    return giveUp ? "failed" : "retry";
  }
}

/**
 * Erases patient addresses and messages from deliveries older than the retention period, and every trace
 * of an address in the stored server reply (already masked when it was written).
 */
export async function eraseExpiredRecipients(days = env().DELIVERY_RETENTION_DAYS): Promise<number> {
  return db.$executeRaw`
    UPDATE "Delivery" SET "recipient" = NULL, "message" = NULL, "erasedAt" = now(), "updatedAt" = now(),
      "lastError" = regexp_replace("lastError", '[^[:space:]<>()",;:]*@[^[:space:]<>()",;:]+', '[address erased]', 'g')
    WHERE "recipient" IS NOT NULL AND "createdAt" < now() - make_interval(days => ${days}) AND "status" IN ('SENT', 'FAILED')`;
}
