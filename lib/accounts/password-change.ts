import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/accounts/passwords";
import { checkOwnPassword } from "@/lib/accounts/recent-sign-in";
import type { CurrentUser } from "@/lib/member-context";
import type { RequestInfo } from "@/lib/request-info";

export type ChangedPassword = { sessionId: string; sessionVersion: number };

/**
 * The profile's "Change password" (ASVS 5.0 6.2.2–6.2.3): the current password and a new one. Every session of
 * the account ends, trusted browsers included (sessionVersion), and this browser gets a new session in the same
 * transaction, so whoever else held the old password or a session is out and the member is not. Wrong current
 * passwords share the budget of "Confirm it is you" (checkOwnPassword).
 */
export async function changePassword(
  user: Pick<CurrentUser, "id" | "sessionId">,
  input: { currentPassword: string; password: string },
  info: RequestInfo,
): Promise<ChangedPassword> {
  await checkOwnPassword(user.id, input.currentPassword, info, {
    field: "currentPassword",
    message: "That is not your current password.",
  });
  if (input.currentPassword === input.password) {
    throw new AppError("BAD_REQUEST", "The new password is the one you have now.", {
      password: ["Choose a password you do not use now."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const live = await tx.authSession.updateMany({
      where: { id: user.sessionId, userId: user.id, endedAt: null },
      data: { endedAt: new Date() },
    });
    if (live.count === 0) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    const { sessionVersion } = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    const ended = await tx.authSession.updateMany({
      where: { userId: user.id, endedAt: null },
      data: { endedAt: new Date() },
    });
    const session = await tx.authSession.create({
      data: { userId: user.id, ip: info.ip, userAgent: info.userAgent },
      select: { id: true },
    });
    await recordAudit(
      { action: "auth.password_changed", actorId: user.id, metadata: { otherSessionsEnded: ended.count }, ...info },
      tx,
    );
    return { sessionId: session.id, sessionVersion };
  });
}
