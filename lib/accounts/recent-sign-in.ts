import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { verifyPassword } from "@/lib/accounts/passwords";
import { SIGN_IN_ACCOUNT, clearAttempts, reserveAttempt } from "@/lib/accounts/throttle";
import type { CurrentUser } from "@/lib/member-context";
import type { RequestInfo } from "@/lib/request-info";

// Changing how an account signs in (its authenticator app, recovery codes, passkeys) needs a sign-in from the
// last 10 minutes or the password typed again (ASVS 5.0 7.5.1), so a session left open on a shared computer,
// or taken over, cannot turn the second factor off or add someone else's passkey. Ten minutes, as GitHub's
// "sudo mode" does, so setting up an app and a passkey in a row asks once.
export const RECENT_SIGN_IN_MS = 10 * 60_000;

export const CONFIRM_FIRST = "For your security, confirm your password first: reload this page to do so.";

/** Whether the session signed in, or confirmed the password, within the last 10 minutes. */
export async function isRecentSignIn(user: Pick<CurrentUser, "id" | "sessionId">, now = new Date()): Promise<boolean> {
  const session = await db.authSession.findFirst({
    where: { id: user.sessionId, userId: user.id, endedAt: null },
    select: { confirmedAt: true },
  });
  return !!session && now.getTime() - session.confirmedAt.getTime() <= RECENT_SIGN_IN_MS;
}

/** For the actions that change how the account signs in: refuses unless the sign-in is recent. */
export async function requireRecentSignIn(user: Pick<CurrentUser, "id" | "sessionId">): Promise<void> {
  if (!(await isRecentSignIn(user))) throw new AppError("FORBIDDEN", CONFIRM_FIRST);
}

/**
 * The signed-in member's own password, typed again ("Confirm it is you", "Change password"). Wrong ones count
 * against their own budget of 5 per 15 minutes (as at sign-in), so a session held by someone else cannot be used
 * to guess the password either, and each is audited; `field` is the form field a wrong one is reported on.
 */
export async function checkOwnPassword(
  userId: string,
  password: string,
  info: RequestInfo,
  wrong: { field: string; message: string },
): Promise<void> {
  const key = `confirm-password:${userId}`;
  if (!(await reserveAttempt(key, SIGN_IN_ACCOUNT))) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      "Too many wrong passwords. For your security, please wait 15 minutes and try again.",
    );
  }
  const account = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(account?.passwordHash ?? null, password))) {
    await recordAudit({ action: "auth.password_confirm_failed", actorId: userId, ...info });
    throw new AppError("BAD_REQUEST", wrong.message, { [wrong.field]: [wrong.message] });
  }
  await clearAttempts(key);
}

/** The password typed again: on success the session counts as just signed in for the next 10 minutes. */
export async function confirmPassword(
  user: Pick<CurrentUser, "id" | "sessionId">,
  password: string,
  info: RequestInfo,
): Promise<void> {
  await checkOwnPassword(user.id, password, info, { field: "password", message: "That password is not right." });
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: user.sessionId, userId: user.id, endedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (count === 0) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    await recordAudit({ action: "auth.password_confirmed", actorId: user.id, ...info }, tx);
  });
}
