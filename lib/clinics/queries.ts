import "server-only";
import { db } from "@/lib/db";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";

export async function findMembers(ctx: MemberContext) {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const [members, invites] = await Promise.all([
    db.membership.findMany({
      where: { clinicId },
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            totpFactor: { select: { id: true } },
            _count: { select: { passkeys: true } },
          },
        },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db.invite.findMany({
      where: { clinicId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        createdAt: true,
        emails: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true } },
      },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invites };
}

/** A user's name for a line like "voided by …"; null when the account is gone. */
export async function memberName(userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}
