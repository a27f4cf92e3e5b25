import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";

/** The sign-in form's error code for a member whose clinic requires single sign-on. */
export const SSO_REQUIRED_ERROR = "sso_required";

/**
 * After a right password (lib/auth.ts): a member of a clinic that requires single sign-on is refused, with
 * the reason, so they know to use their provider. It is asked only once the password is right, so the answer
 * says nothing about an account to someone who does not know its password. Owners keep the password: the
 * break-glass path for when the provider is down or misconfigured; each such sign-in is recorded in the
 * clinic's activity.
 */
export async function checkPasswordAllowed(userId: string, info: RequestInfo): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId, clinic: { sso: { requireSso: true } } }, select: { clinicId: true, role: true } });
  const refusing = memberships.filter((m) => m.role !== "OWNER");
  for (const m of refusing) await recordAudit({ action: "auth.password_refused_sso", clinicId: m.clinicId, actorId: userId, ...info });
  if (refusing.length) throw new Error(SSO_REQUIRED_ERROR);
  for (const m of memberships) await recordAudit({ action: "auth.sso_break_glass", clinicId: m.clinicId, actorId: userId, ...info });
}
