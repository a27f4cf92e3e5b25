import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/accounts/passwords";
import { hashToken } from "@/lib/accounts/tokens";
import { RESET_PER_ADDRESS, RESET_PER_EMAIL, reserveAttempt } from "@/lib/accounts/throttle";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";

export const RESET_TTL_MINUTES = 30;

/**
 * "Forgot password": queues a job for the workers, which email a single-use link when the address belongs
 * to an active account (lib/accounts/account-emails.ts). The request itself never looks the address up and
 * never waits for the mail server, so it answers in the same time for every address and cannot tie up the
 * database pool when mail is slow. At most RESET_PER_EMAIL links an hour go to one address (further
 * requests are accepted and dropped, answering the same); RESET_PER_ADDRESS requests an hour come from one
 * client address, after which it is told to wait.
 */
export async function requestPasswordReset(email: string, info: RequestInfo): Promise<void> {
  if (info.ip && !(await reserveAttempt(`reset:ip:${info.ip}`, RESET_PER_ADDRESS))) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      "Too many reset requests from this network. Please wait an hour and try again.",
    );
  }
  if (!(await reserveAttempt(`reset:email:${email}`, RESET_PER_EMAIL))) return;
  await db.accountEmail.create({ data: { kind: "PASSWORD_RESET", email, ip: info.ip } });
}

export async function findValidReset(token: string) {
  return db.passwordReset.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: { email: true } } },
  });
}

/** Sets a new password, uses up the link, and ends every session of the account. */
export async function resetPassword(token: string, password: string, info: RequestInfo): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findFirst({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, userId: true },
    });
    // The conditional update makes the link single-use even when two requests race.
    const used = reset
      ? await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } })
      : { count: 0 };
    if (!reset || used.count !== 1) {
      throw new AppError("BAD_REQUEST", "This reset link has expired or was already used. Ask for a new one.");
    }
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    await tx.authSession.updateMany({ where: { userId: reset.userId, endedAt: null }, data: { endedAt: new Date() } });
    // A reset proves the owner is back: the account's sign-in pause ends.
    await tx.throttle.deleteMany({ where: { key: `signin:account:${user.email}` } });
    await recordAudit({ action: "auth.password_reset", actorId: reset.userId, ...info }, tx);
    return { email: user.email };
  });
}
