import "server-only";
import { db } from "@/lib/db";
import { getMembership } from "@/lib/clinics/membership";
import { MANAGERS } from "@/lib/clinics/roles";

export async function findMembers(actorId: string, clinicId: string) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  const [members, invites] = await Promise.all([
    db.membership.findMany({
      where: { clinicId },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db.invite.findMany({
      where: { clinicId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invites };
}
