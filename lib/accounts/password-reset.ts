import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/accounts/passwords";
import { hashToken, newToken } from "@/lib/accounts/tokens";
import { recordAudit } from "@/lib/audit/mutations";
import { MAIL_TRANSACTION_TIMEOUT_MS, sendMail } from "@/lib/email/mailer";
import { passwordResetEmail } from "@/lib/email/templates";

export const RESET_TTL_MINUTES = 30;

type Info = { ip: string | null; userAgent: string | null };

/**
 * Emails a single-use reset link when the address belongs to an active account. Callers answer the same
 * way either way, so the form does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(email: string, info: Info): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { token, tokenHash } = newToken();
  const link = `${env().APP_URL}/reset-password/${token}`;
  // Sent before the commit, so a link that never left is never stored.
  await db.$transaction(
    async (tx) => {
      // A new link replaces any earlier unused one.
      await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
      await tx.passwordReset.create({
        data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000) },
      });
      await recordAudit({ action: "auth.password_reset_requested", actorId: user.id, ...info }, tx);
      await sendMail({ to: email, ...passwordResetEmail({ link, expiresMinutes: RESET_TTL_MINUTES }) });
    },
    { timeout: MAIL_TRANSACTION_TIMEOUT_MS },
  );
}

export async function findValidReset(token: string) {
  return db.passwordReset.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: { email: true } } },
  });
}

/** Sets a new password, uses up the link, and ends every session of the account. */
export async function resetPassword(token: string, password: string, info: Info): Promise<{ email: string }> {
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
    await tx.loginThrottle.deleteMany({ where: { email: user.email } });
    await recordAudit({ action: "auth.password_reset", actorId: reset.userId, ...info }, tx);
    return { email: user.email };
  });
}
