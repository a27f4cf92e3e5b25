import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { stepAfterPassword, type AfterPassword } from "@/lib/accounts/sign-in-steps";
import type { RequestInfo } from "@/lib/request-info";

export type EhrSignIn = { next: "session"; sessionId: string } | Exclude<AfterPassword, { next: "session" }>;

/**
 * A launch of a linked EHR user signs the member in without a password: the EHR is where they proved who they
 * are. The portal's second step still applies as after a password (an account with a second factor is asked
 * for it, unless this browser is trusted; a clinic that requires one walks them through setting it up). The
 * session opens only this clinic (AuthSession.ssoClinicId, checked by requireMember), as a single sign-on's
 * does: the EHR speaks for this clinic alone.
 */
export async function signInFromEhr(
  userId: string,
  clinicId: string,
  cookieHeader: string | null,
  info: RequestInfo,
): Promise<EhrSignIn> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, sessionVersion: true } });
  const step = await stepAfterPassword(user, cookieHeader);
  if (step.next !== "session") return step;
  const sessionId = await db.$transaction(async (tx) => {
    const session = await tx.authSession.create({
      data: { userId, ip: info.ip, userAgent: info.userAgent, ssoClinicId: clinicId },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "auth.sign_in",
        clinicId,
        actorId: userId,
        targetType: "session",
        targetId: session.id,
        metadata: { method: "ehr", ...(step.via ? { via: step.via } : {}) },
        ...info,
      },
      tx,
    );
    return session.id;
  });
  return { next: "session", sessionId };
}
