import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 25;

// A clinic's events, plus the account events (sign-in, sign-out, password reset) of its current members,
// which are not tied to one clinic.
export async function findAuditEvents(clinicId: string, page: number) {
  const members = await db.membership.findMany({ where: { clinicId }, select: { userId: true } });
  const where = { OR: [{ clinicId }, { clinicId: null, actorId: { in: members.map((m) => m.userId) } }] };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    events: events.map((e) => ({ ...e, actor: e.actorId ? (byId.get(e.actorId) ?? null) : null })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
