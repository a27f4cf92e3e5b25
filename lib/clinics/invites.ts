import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/accounts/tokens";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { recordAudit } from "@/lib/audit/mutations";
import { MAIL_TRANSACTION_TIMEOUT_MS, sendMail } from "@/lib/email/mailer";
import { inviteEmail } from "@/lib/email/templates";
import { getMembership } from "@/lib/clinics/membership";
import { MANAGERS } from "@/lib/clinics/roles";
import type { Role } from "@/lib/generated/prisma/client";

export const INVITE_TTL_HOURS = 72;

type Info = { ip: string | null; userAgent: string | null };

/** OWNER/ADMIN invite someone by email; only an OWNER can invite another OWNER. */
export async function createInvite(actorId: string, clinicId: string, input: { email: string; role: Role }, info: Info) {
  const actor = await getMembership(actorId, clinicId, { role: MANAGERS });
  if (input.role === "OWNER" && actor.role !== "OWNER") {
    throw new AppError("FORBIDDEN", "Only an owner can invite another owner.", { role: ["Only an owner can invite another owner."] });
  }
  const existing = await db.membership.findFirst({ where: { clinicId, user: { email: input.email } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "This person is already a member.", { email: ["This person is already a member of the clinic."] });

  const { token, tokenHash } = newToken();
  const inviter = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } });
  // The email is sent inside the transaction: when the mail server refuses, no invite is left behind.
  return db.$transaction(
    async (tx) => {
      // A new invite replaces any pending one for the same address.
      await tx.invite.updateMany({
        where: { clinicId, email: input.email, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const created = await tx.invite.create({
        data: { clinicId, email: input.email, role: input.role, tokenHash, invitedById: actorId, expiresAt: new Date(Date.now() + INVITE_TTL_HOURS * 3600_000) },
        select: { id: true },
      });
      await recordAudit({ action: "member.invited", clinicId, actorId, targetType: "invite", targetId: created.id, metadata: { role: input.role }, ...info }, tx);
      await sendMail({
        to: input.email,
        ...inviteEmail({ clinicName: actor.clinic.name, inviterName: inviter.name, role: input.role, link: `${env().APP_URL}/invite/${token}`, expiresHours: INVITE_TTL_HOURS }),
      }).catch(() => {
        throw new AppError("BAD_REQUEST", "The invite email could not be sent, so no invite was made. Check the address and try again.");
      });
      return created;
    },
    { timeout: MAIL_TRANSACTION_TIMEOUT_MS },
  );
}

export async function revokeInvite(actorId: string, clinicId: string, inviteId: string, info: Info) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  const { count } = await db.invite.updateMany({ where: { id: inviteId, clinicId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That invite no longer exists.");
  await recordAudit({ action: "member.invite_revoked", clinicId, actorId, targetType: "invite", targetId: inviteId, ...info });
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
  info: Info,
): Promise<{ clinicId: string; email: string }> {
  const invite = await db.invite.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, clinicId: true },
  });
  if (!invite) throw new AppError("BAD_REQUEST", INVALID);
  const existing = await db.user.findUnique({ where: { email: invite.email }, select: { id: true, passwordHash: true, disabledAt: true } });
  if (existing) {
    if (existing.disabledAt || !(await verifyPassword(existing.passwordHash, input.password))) {
      throw new AppError("BAD_REQUEST", "That password is not right for this account.", { password: ["That password is not right for this account."] });
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
      (await tx.user.create({ data: { email: invite.email, name: (input as { name: string }).name, passwordHash: passwordHash! }, select: { id: true } })).id;
    await tx.membership.upsert({
      where: { userId_clinicId: { userId, clinicId: invite.clinicId } },
      create: { userId, clinicId: invite.clinicId, role: invite.role },
      update: {},
    });
    await recordAudit({ action: "member.invite_accepted", clinicId: invite.clinicId, actorId: userId, targetType: "invite", targetId: invite.id, ...info }, tx);
    return { clinicId: invite.clinicId, email: invite.email };
  });
}
