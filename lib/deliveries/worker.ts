import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/email/mailer";
import { recordAudit } from "@/lib/audit/mutations";
import { composeHandoutEmail } from "@/lib/deliveries/compose";
import type { ContactBlock } from "@/lib/handouts/schemas";

export type ClaimedDelivery = { id: string; clinicId: string; handoutId: string; recipient: string | null; message: string | null; attempts: number };

// A claim lasts long enough for one attempt with every SMTP timeout; a worker that dies loses its claim then.
const leaseMs = () => env().SMTP_TIMEOUT_MS * 5 + 10_000;

/**
 * Claims the next due delivery (or one whose worker's lease ran out). FOR UPDATE SKIP LOCKED lets several
 * workers on several machines share the queue without taking the same job. `clinicId` limits a worker to
 * one clinic (a dedicated worker for a large clinic; the tests use it to stay out of each other's way).
 */
export async function claimNextDelivery(opts: { clinicId?: string } = {}): Promise<ClaimedDelivery | null> {
  const clinic = opts.clinicId ?? null;
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET "status" = 'SENDING', "attempts" = "attempts" + 1,
      "leaseUntil" = now() + make_interval(secs => ${leaseMs() / 1000}), "updatedAt" = now()
    WHERE "id" = (
      SELECT "id" FROM "Delivery"
      WHERE (("status" = 'QUEUED' AND "nextAttemptAt" <= now()) OR ("status" = 'SENDING' AND "leaseUntil" < now()))
        AND (${clinic}::text IS NULL OR "clinicId" = ${clinic})
      ORDER BY "nextAttemptAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "clinicId", "handoutId", "recipient", "message", "attempts"`;
  return rows[0] ?? null;
}

/** 30 s, 1, 2, 4, 8… minutes (with the default base), capped at one hour. */
export function retryDelay(attempt: number, base = env().DELIVERY_RETRY_BASE_MS): number {
  return Math.min(base * 2 ** (attempt - 1), 3_600_000);
}

// SMTP 5xx replies are final; 4xx replies and connection problems (no reply code) are worth retrying.
function classify(err: unknown): { permanent: boolean; reason: string } {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  if (typeof e.responseCode === "number") {
    const reason = `${e.response ?? e.message ?? `SMTP ${e.responseCode}`}`.slice(0, 500);
    return { permanent: e.responseCode >= 500, reason };
  }
  return { permanent: false, reason: `Could not reach the mail server (${e.code ?? e.message ?? "unknown error"})`.slice(0, 500) };
}

/**
 * One attempt at a claimed delivery. Every state change is fenced by the attempt number, so a worker
 * whose lease expired cannot overwrite what the worker that took over wrote.
 */
export async function processDelivery(job: ClaimedDelivery, smtpUrl?: string): Promise<"sent" | "retry" | "failed"> {
  const fence = { id: job.id, status: "SENDING" as const, attempts: job.attempts };
  const handout = await db.handout.findFirst({
    where: { id: job.handoutId, clinicId: job.clinicId },
    select: { contact: true, createdAt: true, pdf: { select: { bytes: true } } },
  });
  if (!job.recipient || !handout?.pdf) {
    await db.delivery.updateMany({ where: fence, data: { status: "FAILED", lastError: "The handout or the address is no longer available.", leaseUntil: null } });
    return "failed";
  }
  try {
    const mail = composeHandoutEmail({
      deliveryId: job.id,
      to: job.recipient,
      contact: handout.contact as ContactBlock,
      message: job.message,
      pdf: Buffer.from(handout.pdf.bytes),
      date: handout.createdAt,
    });
    const { messageId } = await sendMail(mail, smtpUrl);
    await db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({ where: fence, data: { status: "SENT", sentAt: new Date(), messageId, lastError: null, leaseUntil: null } });
      if (count === 1) await recordAudit({ action: "delivery.sent", clinicId: job.clinicId, targetType: "delivery", targetId: job.id, metadata: { attempts: job.attempts } }, tx);
    });
    return "sent";
  } catch (err) {
    const { permanent, reason } = classify(err);
    const giveUp = permanent || job.attempts >= env().DELIVERY_MAX_ATTEMPTS;
    await db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({
        where: fence,
        data: giveUp
          ? { status: "FAILED", lastError: reason, leaseUntil: null }
          : { status: "QUEUED", lastError: reason, leaseUntil: null, nextAttemptAt: new Date(Date.now() + retryDelay(job.attempts)) },
      });
      if (count === 1 && giveUp) {
        await recordAudit({ action: "delivery.failed", clinicId: job.clinicId, targetType: "delivery", targetId: job.id, metadata: { attempts: job.attempts, permanent } }, tx);
      }
    });
    return giveUp ? "failed" : "retry";
  }
}

/** Erases patient addresses and messages from deliveries older than the retention period. */
export async function eraseExpiredRecipients(days = env().DELIVERY_RETENTION_DAYS): Promise<number> {
  const { count } = await db.delivery.updateMany({
    where: { recipient: { not: null }, createdAt: { lt: new Date(Date.now() - days * 86_400_000) }, status: { in: ["SENT", "FAILED"] } },
    data: { recipient: null, message: null, erasedAt: new Date() },
  });
  return count;
}

/** The worker loop: claim, send, repeat; sleeps when the queue is empty; erases old addresses hourly. */
export async function runDeliveryWorker(signal: AbortSignal, log: (msg: string) => void = console.log) {
  let nextErase = 0;
  while (!signal.aborted) {
    try {
      if (Date.now() >= nextErase) {
        const erased = await eraseExpiredRecipients();
        if (erased) log(`erased the addresses of ${erased} old deliveries`);
        nextErase = Date.now() + 3_600_000;
      }
      const job = await claimNextDelivery();
      if (job) {
        const outcome = await processDelivery(job);
        log(`delivery ${job.id}: ${outcome} (attempt ${job.attempts})`);
        continue;
      }
    } catch (err) {
      log(`worker error: ${err instanceof Error ? err.message : err}`);
    }
    await new Promise((r) => setTimeout(r, env().WORKER_POLL_MS));
  }
}
