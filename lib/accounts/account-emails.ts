import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { INVITE_TTL_HOURS, newToken } from "@/lib/accounts/tokens";
import { RESET_TTL_MINUTES } from "@/lib/accounts/password-reset";
import { recordAudit } from "@/lib/audit/mutations";
import { sendMail, senderDomain, type OutgoingMail } from "@/lib/email/mailer";
import { claimNext, classifySmtpError, retryDelay, withLease } from "@/lib/email/outbox";
import { inviteEmail, passwordResetEmail, secondFactorResetEmail } from "@/lib/email/templates";
import { Prisma } from "@/lib/generated/prisma/client";

export type ClaimedAccountEmail = {
  id: string;
  kind: "PASSWORD_RESET" | "INVITE" | "SECOND_FACTOR_RESET";
  email: string | null;
  inviteId: string | null;
  clinicId: string | null;
  ip: string | null;
  attempts: number;
};

/** `email` limits the claim to one address (the tests share one database and each has its own mail server). */
export function claimNextAccountEmail(opts: { email?: string } = {}): Promise<ClaimedAccountEmail | null> {
  return claimNext<ClaimedAccountEmail>(
    "AccountEmail",
    Prisma.sql`"id", "kind", "email", "inviteId", "clinicId", "ip", "attempts"`,
    opts.email ? Prisma.sql`"email" = ${opts.email}` : undefined,
  );
}

type Prepared = { mail: OutgoingMail; audit?: () => Promise<void> } | null;

/**
 * The link is minted now, per attempt, so no stored row ever holds a usable link: a retry replaces the
 * token of the attempt before (its email, if it arrived after all, then says "expired").
 */
async function prepare(job: ClaimedAccountEmail): Promise<Prepared> {
  const messageId = `<account-${job.id}@${senderDomain()}>`;
  if (job.kind === "PASSWORD_RESET") {
    const user = job.email
      ? await db.user.findUnique({ where: { email: job.email }, select: { id: true, disabledAt: true } })
      : null;
    if (!user || user.disabledAt) return null;
    const { token, tokenHash } = newToken();
    await db.$transaction(async (tx) => {
      // A new link replaces any earlier unused one.
      await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
      await tx.passwordReset.create({
        data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000) },
      });
    });
    const link = `${env().APP_URL}/reset-password/${token}`;
    return {
      mail: { to: job.email!, messageId, ...passwordResetEmail({ link, expiresMinutes: RESET_TTL_MINUTES }) },
      audit: () => recordAudit({ action: "auth.password_reset_requested", actorId: user.id, ip: job.ip }),
    };
  }
  if (job.kind === "SECOND_FACTOR_RESET") {
    const clinic = job.clinicId
      ? await db.clinic.findUnique({ where: { id: job.clinicId }, select: { name: true } })
      : null;
    if (!job.email || !clinic) return null;
    return {
      mail: {
        to: job.email,
        messageId,
        ...secondFactorResetEmail({ clinicName: clinic.name, link: `${env().APP_URL}/login` }),
      },
    };
  }
  const { token, tokenHash } = newToken();
  const invite = await db.invite.findFirst({
    where: { id: job.inviteId ?? "", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      role: true,
      clinic: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invite) return null;
  const { count } = await db.invite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null },
    data: { tokenHash },
  });
  if (count !== 1) return null;
  return {
    mail: {
      to: invite.email,
      messageId,
      ...inviteEmail({
        clinicName: invite.clinic.name,
        inviterName: invite.invitedBy.name,
        role: invite.role,
        link: `${env().APP_URL}/invite/${token}`,
        expiresHours: INVITE_TTL_HOURS,
      }),
    },
  };
}

/**
 * One attempt at a claimed account email, fenced by the attempt number like deliveries. The address and
 * the requester's IP are erased as soon as the job is done, whatever its outcome.
 */
export async function processAccountEmail(
  job: ClaimedAccountEmail,
  smtpUrl?: string,
): Promise<"sent" | "skipped" | "retry" | "failed"> {
  const fence = { id: job.id, status: "SENDING" as const, attempts: job.attempts };
  const done = { email: null, ip: null, leaseUntil: null };
  let prepared: Prepared;
  try {
    prepared = await prepare(job);
  } catch (err) {
    await db.accountEmail.updateMany({
      where: fence,
      data: {
        status: "QUEUED",
        leaseUntil: null,
        nextAttemptAt: new Date(Date.now() + retryDelay(job.attempts)),
        lastError: "Could not prepare the email.",
      },
    });
    throw err;
  }
  if (!prepared) {
    await db.accountEmail.updateMany({ where: fence, data: { ...done, status: "SKIPPED" } });
    return "skipped";
  }
  try {
    await withLease("AccountEmail", job, (signal) => sendMail(prepared.mail, smtpUrl, signal));
    const { count } = await db.accountEmail.updateMany({
      where: fence,
      data: { ...done, status: "SENT", sentAt: new Date(), lastError: null },
    });
    if (count === 1) await prepared.audit?.();
    return "sent";
  } catch (err) {
    const { permanent, reason } = classifySmtpError(err);
    const giveUp = permanent || job.attempts >= env().DELIVERY_MAX_ATTEMPTS;
    await db.accountEmail.updateMany({
      where: fence,
      data: giveUp
        ? { ...done, status: "FAILED", lastError: reason }
        : {
            status: "QUEUED",
            lastError: reason,
            leaseUntil: null,
            nextAttemptAt: new Date(Date.now() + retryDelay(job.attempts)),
          },
    });
    return giveUp ? "failed" : "retry";
  }
}
