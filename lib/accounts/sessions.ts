import "server-only";
import { db, type Tx } from "@/lib/db";
import { secureCookies } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, TOUCH_EVERY_MS } from "@/lib/accounts/session-limits";
import type { CurrentUser } from "@/lib/member-context";

export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS };

/** next-auth's session cookie: the JWT that names the AuthSession row. */
export function sessionCookieName() {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function createAuthSession(userId: string, ip: string | null, userAgent: string | null, tx: Tx = db) {
  return tx.authSession.create({ data: { userId, ip, userAgent }, select: { id: true } });
}

export type ActiveSession = {
  sessionId: string;
  ssoClinicId: string | null;
  user: Omit<CurrentUser, "sessionId" | "ssoClinicId">;
};

/**
 * The session behind a JWT, if it is still valid: not signed out, not idle for 30 minutes, not older than
 * 12 hours, the account not disabled, and the password not changed since (sessionVersion).
 */
export async function findActiveSession(
  sessionId: string,
  sessionVersion: number,
  now = new Date(),
): Promise<ActiveSession | null> {
  const session = await db.authSession.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          credentials: true,
          directPhone: true,
          disabledAt: true,
          sessionVersion: true,
        },
      },
    },
  });
  if (!session || session.endedAt) return null;
  const { user } = session;
  const expired =
    now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS ||
    now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS ||
    user.disabledAt !== null ||
    user.sessionVersion !== sessionVersion;
  if (expired) {
    await db.authSession.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    ssoClinicId: session.ssoClinicId,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      credentials: user.credentials,
      directPhone: user.directPhone,
    },
  };
}

export async function endAuthSession(sessionId: string) {
  await db.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** "Stay signed in": the session counts as used now. */
export async function touchAuthSession(sessionId: string) {
  await db.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: new Date() } });
}
