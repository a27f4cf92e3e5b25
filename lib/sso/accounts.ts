import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/accounts/passwords";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";
import type { SsoRefusal } from "@/lib/sso/refusals";
import type { Role } from "@/lib/generated/prisma/client";

/** A person the clinic's provider vouched for: verified email, in one of the clinic's domains. */
export type VerifiedPerson = { clinicId: string; issuer: string; subject: string; email: string; name: string | null };

export type SignedIn = { ok: true; userId: string; sessionId: string; joined: "invite" | "jit" | null };

/**
 * Who a verified person is here, and a session for them, in one transaction (a refusal writes nothing):
 * - an account that is a member of the clinic signs in;
 * - an account that is not a member is refused, even with "just-in-time" on: the provider was set up by
 *   this clinic's owner and may not open an account that another clinic's people use (invites to existing
 *   accounts are accepted with the account's password, as before);
 * - no account: an open invite of the clinic makes it, with the invite's role; else, with just-in-time
 *   accounts allowed, it joins as a clinician; else refused.
 * The account is tied to the provider's subject at its first sign-on, so an address the provider later gives
 * to someone else does not open it.
 */
export async function signInVerified(
  person: VerifiedPerson,
  opts: { allowJit: boolean },
  info: RequestInfo,
): Promise<SignedIn | { ok: false; reason: SsoRefusal }> {
  const { clinicId, email } = person;
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, memberships: { where: { clinicId }, select: { id: true } } },
  });
  if (existing?.disabledAt) return { ok: false, reason: "disabled" };
  if (existing && existing.memberships.length === 0) return { ok: false, reason: "not_member" };
  const invite = existing
    ? null
    : await db.invite.findFirst({
        where: { clinicId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, role: true },
        orderBy: { createdAt: "desc" },
      });
  if (!existing && !invite && !opts.allowJit) return { ok: false, reason: "no_invite" };
  // A new account gets a password nobody knows; "Forgot your password?" can set one (where the clinic allows passwords).
  const passwordHash = existing ? null : await hashPassword(crypto.randomBytes(32).toString("base64url"));

  try {
    return await db.$transaction((tx) => signIn(tx, person, existing?.id ?? null, invite, passwordHash, info));
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason };
    throw err;
  }
}

// Thrown inside the transaction so that whatever it wrote is rolled back.
class Refused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(reason);
  }
}

type OpenInvite = { id: string; role: Role } | null;

async function signIn(
  tx: Tx,
  person: VerifiedPerson,
  existingId: string | null,
  invite: OpenInvite,
  passwordHash: string | null,
  info: RequestInfo,
): Promise<SignedIn> {
  const { clinicId, email } = person;
  if (await linkedToSomeoneElse(tx, person, existingId)) throw new Refused("other_person");
  let userId = existingId;
  let joined: SignedIn["joined"] = null;
  if (!userId) {
    userId = (
      await tx.user.create({
        data: { email, name: person.name ?? email.slice(0, email.indexOf("@")), passwordHash: passwordHash! },
        select: { id: true },
      })
    ).id;
    if (invite) {
      const used = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (used.count !== 1) throw new Refused("no_invite");
    }
    joined = invite ? "invite" : "jit";
    await tx.membership.create({ data: { userId, clinicId, role: invite?.role ?? "CLINICIAN" } });
    await recordAudit(
      invite
        ? {
            action: "member.invite_accepted",
            clinicId,
            actorId: userId,
            targetType: "invite",
            targetId: invite.id,
            metadata: { method: "sso" },
            ...info,
          }
        : {
            action: "member.sso_joined",
            clinicId,
            actorId: userId,
            targetType: "user",
            targetId: userId,
            metadata: { role: "CLINICIAN" },
            ...info,
          },
      tx,
    );
  }
  const link = { issuer: person.issuer, subject: person.subject, lastUsedAt: new Date() };
  await tx.ssoIdentity.upsert({
    where: { clinicId_userId: { clinicId, userId } },
    create: { clinicId, userId, ...link },
    update: link,
  });
  // Scoped to this clinic (lib/authz.ts): another clinic of the account asks for its own sign-in.
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
      metadata: { method: "sso" },
      ...info,
    },
    tx,
  );
  return { ok: true, userId, sessionId: session.id, joined };
}

/** Whether this subject already opens another account here, or this account is tied to another subject of the same provider. */
async function linkedToSomeoneElse(tx: Tx, person: VerifiedPerson, userId: string | null): Promise<boolean> {
  const { clinicId, issuer, subject } = person;
  const bySubject = await tx.ssoIdentity.findUnique({
    where: { clinicId_issuer_subject: { clinicId, issuer, subject } },
    select: { userId: true },
  });
  if (bySubject && bySubject.userId !== userId) return true;
  if (!userId) return false;
  const byUser = await tx.ssoIdentity.findUnique({
    where: { clinicId_userId: { clinicId, userId } },
    select: { issuer: true, subject: true },
  });
  // Another issuer: the clinic moved to a new provider, which links the account again.
  return !!byUser && byUser.issuer === issuer && byUser.subject !== subject;
}
