import "server-only";
import { db } from "@/lib/db";
import { hasSecondFactor } from "@/lib/accounts/second-factor";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";

/** The sign-in form's error codes: a member of a clinic that requires single sign-on; an owner of one without a second factor. */
export const SSO_REQUIRED_ERRORS = { member: "sso_required", ownerWithoutSecondFactor: "sso_required_owner" } as const;

/**
 * Why a right password may not sign `userId` in, if it may not: the account is a member of a clinic that
 * requires single sign-on, or an owner of one without a second factor. Owners keep the password as the
 * break-glass path for when the provider is down or misconfigured, but only with a second factor they already
 * have (the second step follows; setting one up there would let a stolen password alone in).
 */
async function passwordRefusal(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, clinic: { sso: { requireSso: true } } },
    select: { clinicId: true, role: true },
  });
  const ownerHasFactor = memberships.length > 0 && (await hasSecondFactor(userId));
  const refusing = memberships.filter((m) => m.role !== "OWNER" || !ownerHasFactor);
  const error = refusing.some((m) => m.role !== "OWNER")
    ? SSO_REQUIRED_ERRORS.member
    : refusing.length
      ? SSO_REQUIRED_ERRORS.ownerWithoutSecondFactor
      : null;
  return { memberships, refusing, error };
}

/** For sign-ins that follow a password another way (an accepted invite): whether the password may not sign in. */
export async function isPasswordRefused(userId: string): Promise<boolean> {
  return (await passwordRefusal(userId)).error !== null;
}

/**
 * After a right password (lib/auth.ts), before the second step: refused with the reason, so the member knows
 * to use their provider. It is asked only once the password is right, so the answer says nothing about an
 * account to someone who does not know its password. Refusals and break-glass uses go to the clinic's activity.
 */
export async function checkPasswordAllowed(userId: string, info: RequestInfo): Promise<void> {
  const { memberships, refusing, error } = await passwordRefusal(userId);
  for (const m of refusing)
    await recordAudit({
      action: "auth.password_refused_sso",
      clinicId: m.clinicId,
      actorId: userId,
      metadata: { role: m.role },
      ...info,
    });
  if (error) throw new Error(error);
  for (const m of memberships)
    await recordAudit({ action: "auth.sso_break_glass", clinicId: m.clinicId, actorId: userId, ...info });
}

/** Whether `clinicId` requires single sign-on of someone joining it as `role` (owners keep the break-glass password). */
export async function requiresSsoToJoin(clinicId: string, role: string): Promise<boolean> {
  return role !== "OWNER" && (await db.clinicSso.count({ where: { clinicId, requireSso: true } })) > 0;
}
