import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import type { MemberContext } from "@/lib/member-context";
import { hashToken } from "@/lib/accounts/tokens";
import { LAUNCH_CONTEXT_MS } from "@/lib/ehr/callback";
import { openPendingGrant, saveGrant } from "@/lib/ehr/grants";

// An EHR user is linked to a portal member once, by that member, signed in to the portal in the browser the
// launch came to: the EHR vouches for its user, the portal's own sign-in for the member. Later launches of the
// EHR user open the portal as the member without a password.

/** The launch waiting to be linked that this browser's link cookie names (10 minutes, once), or null. */
export async function findPendingLink(token: string | undefined) {
  if (!token) return null;
  return db.ehrLaunch.findFirst({
    where: { linkTokenHash: hashToken(token), userId: null, expiresAt: { gt: new Date() } },
    select: { id: true, clinicId: true, connectionId: true, fhirUser: true, pendingGrant: true },
  });
}

/**
 * The signed-in member links the waiting EHR user to their account: the identity, the member's tokens, the
 * launch now theirs, and the audit event, in one transaction. An EHR user already linked to another member is
 * refused: one EHR user speaks for one member.
 */
export async function linkEhrUser(ctx: MemberContext, token: string | undefined): Promise<string> {
  const pending = await findPendingLink(token);
  if (!pending || pending.clinicId !== ctx.clinic.id || !pending.fhirUser)
    throw new AppError(
      "NOT_FOUND",
      "Linking your EHR user took too long or was already done. Launch the portal from the EHR again.",
    );
  const tokens = pending.pendingGrant ? openPendingGrant(pending.clinicId, pending.pendingGrant) : null;
  if (!tokens)
    throw new AppError("NOT_FOUND", "The EHR's sign-in can no longer be read. Launch the portal from the EHR again.");
  const conn = { id: pending.connectionId, clinicId: pending.clinicId };
  const fhirUser = pending.fhirUser;
  try {
    await db.$transaction(async (tx) => {
      const taken = await tx.ehrIdentity.findUnique({
        where: { connectionId_fhirUser: { connectionId: conn.id, fhirUser } },
        select: { userId: true },
      });
      if (taken && taken.userId !== ctx.user.id)
        throw new AppError("CONFLICT", "This EHR user is already linked to another member of the clinic.");
      await tx.ehrIdentity.upsert({
        where: { connectionId_fhirUser: { connectionId: conn.id, fhirUser } },
        create: { clinicId: conn.clinicId, connectionId: conn.id, fhirUser, userId: ctx.user.id },
        update: { lastUsedAt: new Date() },
      });
      await saveGrant(tx, conn, ctx.user.id, tokens);
      const used = await tx.ehrLaunch.updateMany({
        where: { id: pending.id, userId: null },
        data: {
          userId: ctx.user.id,
          pendingGrant: null,
          linkTokenHash: null,
          expiresAt: new Date(Date.now() + LAUNCH_CONTEXT_MS),
        },
      });
      if (used.count !== 1) throw new AppError("CONFLICT", "This link was just used.");
      await auditMember(
        ctx,
        { action: "member.ehr_linked", targetType: "user", targetId: ctx.user.id, metadata: { fhirUser } },
        tx,
      );
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", "This EHR user is already linked to another member of the clinic.");
    throw err;
  }
  return pending.id;
}

/** The EHR users linked to this member (Profile), and unlinking one. */
export function findOwnEhrLinks(ctx: MemberContext) {
  return db.ehrIdentity.findMany({
    where: { clinicId: ctx.clinic.id, userId: ctx.user.id },
    select: { id: true, fhirUser: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function unlinkEhrUser(ctx: MemberContext, identityId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.ehrIdentity.deleteMany({
      where: { id: identityId, clinicId: ctx.clinic.id, userId: ctx.user.id },
    });
    if (!gone.count) throw new AppError("NOT_FOUND", "Not found.");
    await tx.ehrGrant.deleteMany({ where: { clinicId: ctx.clinic.id, userId: ctx.user.id } });
    await auditMember(ctx, { action: "member.ehr_unlinked", targetType: "user", targetId: ctx.user.id }, tx);
  });
}
