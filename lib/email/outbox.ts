import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendDeadlineMs } from "@/lib/email/mailer";
import { Prisma } from "@/lib/generated/prisma/client";
import { maskAddresses } from "@/lib/email/mask";

// What the outboxes (Delivery: handout emails; AccountEmail: resets and invites; ChartFiling: handouts filed to
// an EHR, lib/ehr/filing.ts) share: how long a claim lasts, keeping it while a send is in progress, retry
// timing and how SMTP failures are recorded.
export type OutboxTable = "Delivery" | "AccountEmail" | "ChartFiling";
const TABLE = {
  Delivery: Prisma.raw(`"Delivery"`),
  AccountEmail: Prisma.raw(`"AccountEmail"`),
  ChartFiling: Prisma.raw(`"ChartFiling"`),
} as const;

/**
 * A claim outlasts the longest possible attempt (sendMail gives up at sendDeadlineMs()) plus time for the
 * database writes around it, so a job is only claimed again when its worker is really gone.
 */
export const leaseMs = () => sendDeadlineMs() + Math.max(10_000, env().SMTP_TIMEOUT_MS);

export type Fence = { id: string; attempts: number };

/** Claims the next due job (or one whose worker's lease ran out), FOR UPDATE SKIP LOCKED. */
export async function claimNext<T>(
  table: OutboxTable,
  returning: Prisma.Sql,
  where: Prisma.Sql = Prisma.sql`TRUE`,
): Promise<T | null> {
  const t = TABLE[table];
  const rows = await db.$queryRaw<T[]>`
    UPDATE ${t} SET "status" = 'SENDING', "attempts" = "attempts" + 1,
      "leaseUntil" = now() + make_interval(secs => ${leaseMs() / 1000}), "updatedAt" = now()
    WHERE "id" = (
      SELECT "id" FROM ${t}
      WHERE (("status" = 'QUEUED' AND "nextAttemptAt" <= now()) OR ("status" = 'SENDING' AND "leaseUntil" < now())) AND ${where}
      ORDER BY "nextAttemptAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING ${returning}`;
  return rows[0] ?? null;
}

/**
 * Runs `send` while renewing the job's lease every quarter lease. If a renewal finds the job no longer
 * ours (another worker took it over after this one stalled), `send` is aborted through its signal.
 */
export async function withLease<T>(
  table: OutboxTable,
  job: Fence,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const lost = new AbortController();
  const t = TABLE[table];
  const timer = setInterval(async () => {
    try {
      const renewed = await db.$executeRaw`
        UPDATE ${t} SET "leaseUntil" = now() + make_interval(secs => ${leaseMs() / 1000})
        WHERE "id" = ${job.id} AND "status" = 'SENDING' AND "attempts" = ${job.attempts}`;
      if (renewed === 0) lost.abort(new Error("another worker took over this job"));
    } catch {
      // The database is unreachable: the lease we hold still outlasts the send's own deadline.
    }
  }, leaseMs() / 4);
  try {
    return await send(lost.signal);
  } finally {
    clearInterval(timer);
  }
}

/** 30 s, 1, 2, 4, 8… minutes (with the default base), capped at one hour. */
export function retryDelay(attempt: number, base = env().DELIVERY_RETRY_BASE_MS): number {
  return Math.min(base * 2 ** (attempt - 1), 3_600_000);
}

/**
 * SMTP 5xx replies are final; 4xx replies, timeouts and connection problems are worth retrying. The reason
 * is stored and shown to staff, so any address the server echoes is masked before it is kept.
 */
export function classifySmtpError(err: unknown): { permanent: boolean; reason: string } {
  const e = err as {
    responseCode?: number;
    response?: string;
    code?: string;
    message?: string;
    name?: string;
    command?: string;
  };
  if (e.command === "STARTTLS" || e.code === "ETLS") {
    return {
      permanent: true,
      reason:
        "The mail server does not offer STARTTLS, which is required for a server on another machine: use smtps://, or set SMTP_INSECURE=1 to send in plain text.",
    };
  }
  if (typeof e.responseCode === "number") {
    return {
      permanent: e.responseCode >= 500,
      reason: maskAddresses(`${e.response ?? e.message ?? `SMTP ${e.responseCode}`}`).slice(0, 500),
    };
  }
  if (e.name === "AbortError" || e.code === "ABORT_ERR") {
    return {
      permanent: false,
      reason: `The mail server did not finish within ${Math.round(sendDeadlineMs() / 1000)} s`,
    };
  }
  return {
    permanent: false,
    reason: maskAddresses(`Could not reach the mail server (${e.code ?? e.message ?? "unknown error"})`).slice(0, 500),
  };
}
