import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { deleteSecondFactor, hasSecondFactor } from "@/lib/accounts/second-factor";

export async function findSecondFactorPolicy(ctx: MemberContext): Promise<boolean> {
  requireRole(ctx, MANAGERS);
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: ctx.clinic.id },
    select: { requireSecondFactor: true },
  });
  return clinic.requireSecondFactor;
}

/** How many of the clinic's members have no second factor yet (the settings page says so). */
export async function countMembersWithoutSecondFactor(ctx: MemberContext): Promise<number> {
  requireRole(ctx, MANAGERS);
  return db.membership.count({
    where: { clinicId: ctx.clinic.id, user: { totpFactor: null, passkeys: { none: {} } } },
  });
}

/**
 * The owner turns "require a second factor" on or off. On only once the owner has one: the owner would
 * otherwise be the first one walked through it, mid-way through their own settings.
 */
export async function setSecondFactorPolicy(ctx: MemberContext, required: boolean): Promise<void> {
  requireRole(ctx, ["OWNER"]);
  if (required && !(await hasSecondFactor(ctx.user.id))) {
    throw new AppError(
      "CONFLICT",
      "Set up your own second factor first (Profile, then Two-step sign-in), then turn this on.",
    );
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.clinic.updateMany({
      where: { id: ctx.clinic.id, requireSecondFactor: !required },
      data: { requireSecondFactor: required },
    });
    if (count === 1)
      await auditMember(
        ctx,
        {
          action: "clinic.second_factor_policy_changed",
          targetType: "clinic",
          targetId: ctx.clinic.id,
          metadata: { required },
        },
        tx,
      );
  });
}

/**
 * An owner or admin resets a member's second factor (a lost phone): the authenticator, recovery codes and
 * trusted browsers go, the member's sessions end, and an email tells them, all in one transaction. Only an
 * owner resets an owner; one's own is changed from the profile.
 */
export async function resetMemberSecondFactor(ctx: MemberContext, membershipId: string): Promise<void> {
  requireRole(ctx, MANAGERS);
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: membershipId, clinicId: ctx.clinic.id },
      select: { role: true, user: { select: { id: true, email: true } } },
    });
    if (!target) throw new AppError("NOT_FOUND", "That member is no longer in the clinic.");
    if (target.user.id === ctx.user.id)
      throw new AppError("CONFLICT", "Change your own second factor from your profile.");
    if (target.role === "OWNER" && ctx.role !== "OWNER")
      throw new AppError("FORBIDDEN", "Only an owner can reset an owner's second factor.");
    if (!(await hasSecondFactor(target.user.id, tx)))
      throw new AppError("CONFLICT", "This member has no second factor to reset.");
    await deleteSecondFactor(target.user.id, tx);
    await tx.authSession.updateMany({
      where: { userId: target.user.id, endedAt: null },
      data: { endedAt: new Date() },
    });
    await tx.accountEmail.create({
      data: { kind: "SECOND_FACTOR_RESET", email: target.user.email, clinicId: ctx.clinic.id, ip: ctx.info.ip },
    });
    await auditMember(ctx, { action: "auth.second_factor_reset", targetType: "user", targetId: target.user.id }, tx);
  });
}
