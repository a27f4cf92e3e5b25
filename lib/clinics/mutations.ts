import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import type { Role } from "@/lib/generated/prisma/client";

// Serialises owner changes per clinic, so two concurrent demotions cannot both pass the last-owner check.
async function lockClinic(tx: Tx, clinicId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Clinic" WHERE "id" = ${clinicId} FOR UPDATE`;
}

async function loadTarget(tx: Tx, clinicId: string, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, clinicId },
    select: { id: true, role: true, userId: true },
  });
  if (!target) throw new AppError("NOT_FOUND", "That member is no longer in the clinic.");
  return target;
}

async function assertNotLastOwner(tx: Tx, clinicId: string, target: { role: Role }, message: string) {
  if (target.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { clinicId, role: "OWNER" } });
  if (owners <= 1) throw new AppError("CONFLICT", message);
}

/** OWNER/ADMIN change a member's role. Only an OWNER grants or takes away OWNER; the last OWNER stays. */
export async function changeRole(ctx: MemberContext, membershipId: string, role: Role) {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  await db.$transaction(async (tx) => {
    await lockClinic(tx, clinicId);
    const target = await loadTarget(tx, clinicId, membershipId);
    if ((role === "OWNER" || target.role === "OWNER") && ctx.role !== "OWNER") {
      throw new AppError("FORBIDDEN", "Only an owner can make someone an owner or change an owner's role.");
    }
    if (target.role === role) return;
    if (role !== "OWNER")
      await assertNotLastOwner(
        tx,
        clinicId,
        target,
        "The clinic needs at least one owner: make someone else an owner first.",
      );
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await auditMember(
      ctx,
      {
        action: "member.role_changed",
        targetType: "user",
        targetId: target.userId,
        metadata: { from: target.role, to: role },
      },
      tx,
    );
  });
}

/** OWNER/ADMIN remove a member. Only an OWNER removes an OWNER; the last OWNER cannot be removed. */
export async function removeMember(ctx: MemberContext, membershipId: string) {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  await db.$transaction(async (tx) => {
    await lockClinic(tx, clinicId);
    const target = await loadTarget(tx, clinicId, membershipId);
    if (target.role === "OWNER" && ctx.role !== "OWNER")
      throw new AppError("FORBIDDEN", "Only an owner can remove an owner.");
    await assertNotLastOwner(
      tx,
      clinicId,
      target,
      "The last owner cannot be removed: make someone else an owner first.",
    );
    await tx.membership.delete({ where: { id: target.id } });
    await auditMember(
      ctx,
      { action: "member.removed", targetType: "user", targetId: target.userId, metadata: { role: target.role } },
      tx,
    );
  });
}
