import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "@/lib/accounts/session-limits";
import type { RequestInfo } from "@/lib/request-info";
import { describeBrowser } from "@/lib/accounts/browser-name";

// "Signed-in devices" on the profile: the member's sessions that are still valid, and signing them out.

const stillValid = (now: Date) => ({
  endedAt: null,
  lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
  createdAt: { gt: new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS) },
});

export async function findSignedInDevices(userId: string, currentSessionId: string, now = new Date()) {
  const rows = await db.authSession.findMany({
    where: { userId, ...stillValid(now) },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((r) => ({ ...r, browser: describeBrowser(r.userAgent), isCurrent: r.id === currentSessionId }));
}

/** Signs out one other session of the member (scoped to the account); false when it had already ended. */
export async function signOutDevice(
  user: { id: string; sessionId: string },
  sessionId: string,
  info: RequestInfo,
): Promise<boolean> {
  if (sessionId === user.sessionId) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: sessionId, userId: user.id, endedAt: null },
      data: { endedAt: new Date() },
    });
    if (count === 1)
      await recordAudit(
        { action: "auth.session_ended", actorId: user.id, targetType: "session", targetId: sessionId, ...info },
        tx,
      );
    return count === 1;
  });
}

/** Signs out every session of the member but this one; returns how many ended. */
export async function signOutOtherDevices(user: { id: string; sessionId: string }, info: RequestInfo): Promise<number> {
  return db.$transaction(async (tx) => {
    const others = await tx.authSession.findMany({
      where: { userId: user.id, endedAt: null, NOT: { id: user.sessionId } },
      select: { id: true },
    });
    const ids = others.map((o) => o.id);
    const { count } = await tx.authSession.updateMany({
      where: { id: { in: ids }, endedAt: null },
      data: { endedAt: new Date() },
    });
    for (const id of ids)
      await recordAudit(
        {
          action: "auth.session_ended",
          actorId: user.id,
          targetType: "session",
          targetId: id,
          metadata: { all: true },
          ...info,
        },
        tx,
      );
    return count;
  });
}
