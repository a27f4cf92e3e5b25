import "server-only";
import { db } from "@/lib/db";
import { hasSecondFactor } from "@/lib/accounts/second-factor";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";

/** The sign-in form's error codes: a member of a clinic that requires single sign-on; an owner of one without a second factor. */
export const SSO_REQUIRED_ERRORS = { member: "sso_required", ownerWithoutSecondFactor: "sso_required_owner" } as const;

/**
 * After a right password (lib/auth.ts), before the second step: a member of a clinic that requires single
 * sign-on is refused, with the reason, so they know to use their provider. It is asked only once the password
 * is right, so the answer says nothing about an account to someone who does not know its password.
 * Owners keep the password as the break-glass path for when the provider is down or misconfigured, but only
 * with a second factor they already have (the second step follows; setting one up there would let a stolen
 * password alone in). Each break-glass use is recorded in the clinic's activity.
 */
export async function checkPasswordAllowed(userId: string, info: RequestInfo): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId, clinic: { sso: { requireSso: true } } }, select: { clinicId: true, role: true } });
  if (memberships.length === 0) return;
  const ownerHasFactor = await hasSecondFactor(userId);
  const refusing = memberships.filter((m) => m.role !== "OWNER" || !ownerHasFactor);
  for (const m of refusing) await recordAudit({ action: "auth.password_refused_sso", clinicId: m.clinicId, actorId: userId, metadata: { role: m.role }, ...info });
  if (refusing.some((m) => m.role !== "OWNER")) throw new Error(SSO_REQUIRED_ERRORS.member);
  if (refusing.length) throw new Error(SSO_REQUIRED_ERRORS.ownerWithoutSecondFactor);
  for (const m of memberships) await recordAudit({ action: "auth.sso_break_glass", clinicId: m.clinicId, actorId: userId, ...info });
}
