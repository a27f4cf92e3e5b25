import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { INVITE_TTL_HOURS, hashToken, newToken } from "@/lib/accounts/tokens";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { auditMember, recordAudit } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import type { RequestInfo } from "@/lib/request-info";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * OWNER/ADMIN invite someone by email; only an OWNER can invite another OWNER. The invite and its email job
 * are stored in one transaction and a worker sends the email (lib/accounts/account-emails.ts), minting the
 * link's token then: nothing here waits for the mail server, and no emailed invite can be missing its row.
 */
export async function createInvite(ctx: MemberContext, input: { email: string; role: Role }) {
  requireRole(ctx, MANAGERS);
  if (input.role === "OWNER" && ctx.role !== "OWNER") {
    throw new AppError("FORBIDDEN", "Only an owner can invite another owner.", {
      role: ["Only an owner can invite another owner."],
    });
  }
  const clinicId = ctx.clinic.id;
  const existing = await db.membership.findFirst({
    where: { clinicId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing)
    throw new AppError("CONFLICT", "This person is already a member.", {
      email: ["This person is already a member of the clinic."],
    });
  return db.$transaction(async (tx) => {
    // A new invite replaces any pending one for the same address.
    await tx.invite.updateMany({
      where: { clinicId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invite.create({
      // A placeholder nobody knows the token of, until the worker mints the emailed one.
      data: {
        clinicId,
        email: input.email,
        role: input.role,
        tokenHash: newToken().tokenHash,
        invitedById: ctx.user.id,
        expiresAt: new Date(Date.now() + INVITE_TTL_HOURS * 3600_000),
      },
      select: { id: true },
    });
    await tx.accountEmail.create({ data: { kind: "INVITE", email: input.email, inviteId: created.id } });
    await auditMember(
      ctx,
      { action: "member.invited", targetType: "invite", targetId: created.id, metadata: { role: input.role } },
      tx,
    );
    return created;
  });
}

export async function revokeInvite(ctx: MemberContext, inviteId: string) {
  requireRole(ctx, MANAGERS);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, clinicId: ctx.clinic.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "That invite no longer exists.");
    await auditMember(ctx, { action: "member.invite_revoked", targetType: "invite", targetId: inviteId }, tx);
  });
}

/** The invite behind a link, if it can still be accepted, with whether its email already has an account. */
export async function findOpenInvite(token: string) {
  const invite = await db.invite.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, clinic: { select: { id: true, name: true } } },
  });
  if (!invite) return null;
  const user = await db.user.findUnique({ where: { email: invite.email }, select: { id: true } });
  return { ...invite, hasAccount: !!user };
}

const INVALID = "This invite has expired, was already used or was withdrawn. Ask the clinic for a new one.";

/**
 * Accepts an invite in one transaction: uses up the link (single use even under a race), creates the
 * account when the email has none (name + password), or checks the existing account's password, and adds
 * the membership.
 */
export async function acceptInvite(
  token: string,
  input: { name: string; password: string } | { password: string },
  info: RequestInfo,
): Promise<{ clinicId: string; email: string; userId: string }> {
  const invite = await db.invite.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, clinicId: true },
  });
  if (!invite) throw new AppError("BAD_REQUEST", INVALID);
  const existing = await db.user.findUnique({
    where: { email: invite.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  if (existing) {
    if (existing.disabledAt || !(await verifyPassword(existing.passwordHash, input.password))) {
      throw new AppError("BAD_REQUEST", "That password is not right for this account.", {
        password: ["That password is not right for this account."],
      });
    }
  } else if (!("name" in input)) {
    throw new AppError("BAD_REQUEST", "Enter your name and choose a password.");
  }
  const passwordHash = existing ? null : await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    const used = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (used.count !== 1) throw new AppError("BAD_REQUEST", INVALID);
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: { email: invite.email, name: (input as { name: string }).name, passwordHash: passwordHash! },
          select: { id: true },
        })
      ).id;
    await tx.membership.upsert({
      where: { userId_clinicId: { userId, clinicId: invite.clinicId } },
      create: { userId, clinicId: invite.clinicId, role: invite.role },
      update: {},
    });
    await recordAudit(
      {
        action: "member.invite_accepted",
        clinicId: invite.clinicId,
        actorId: userId,
        targetType: "invite",
        targetId: invite.id,
        ...info,
      },
      tx,
    );
    return { clinicId: invite.clinicId, email: invite.email, userId };
  });
}
