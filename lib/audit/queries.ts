import "server-only";
import { db } from "@/lib/db";
import { normaliseIp } from "@/lib/server/client-ip.mjs";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { MANAGERS, requireRole } from "@/lib/clinics/roles";
import type { MemberContext } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 25;

export type AuditFilters = { action?: string; actor?: string; from?: string; to?: string; page: number };

const FIELD_LABELS: Record<string, string> = {
  name: "clinic name",
  primaryColor: "primary colour",
  accentColor: "accent colour",
  phone: "phone",
  email: "email",
  address: "address",
  website: "website",
  hours: "hours",
  pageSize: "page size",
  notesPosition: "where notes go",
  extraDisclaimer: "disclaimer line",
  linksByDefault: "patient links by default",
  linkDays: "how long patient links work",
  reviewMonths: "how often guides are reviewed",
  defaultLanguage: "handout language",
  defaultLevel: "reading level",
  logo: "logo",
};

type Row = { targetType: string | null; targetId: string | null; metadata: Prisma.JsonValue };
const meta = (r: Row) => (r.metadata && typeof r.metadata === "object" && !Array.isArray(r.metadata) ? (r.metadata as Record<string, unknown>) : {});

/** What each event was about, in words, looked up in one query per kind of target (all scoped to the clinic). */
async function describeTargets(clinicId: string, rows: Row[]): Promise<(string | null)[]> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!))];
  const deliveryHandouts = rows.filter((r) => r.targetType === "delivery").map((r) => meta(r).handoutId).filter((id): id is string => typeof id === "string");
  const [handouts, templates, users, invites, guides, deliveries] = await Promise.all([
    db.handout.findMany({ where: { clinicId, id: { in: [...ids("handout"), ...deliveryHandouts] } }, select: { id: true, title: true, preparedFor: true } }),
    db.template.findMany({ where: { clinicId, id: { in: ids("template") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("user") }, memberships: { some: { clinicId } } }, select: { id: true, name: true } }),
    db.invite.findMany({ where: { clinicId, id: { in: ids("invite") } }, select: { id: true, email: true } }),
    db.guide.findMany({ where: { id: { in: ids("guide") }, OR: [{ clinicId }, { clinicId: null }] }, select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } } }),
    db.delivery.findMany({ where: { clinicId, id: { in: ids("delivery") } }, select: { id: true, handoutId: true, recipientMask: true } }),
  ]);
  const handout = new Map(handouts.map((h) => [h.id, `“${h.title}”${h.preparedFor ? ` for ${h.preparedFor}` : ""}`]));
  const template = new Map(templates.map((t) => [t.id, t.name]));
  const user = new Map(users.map((u) => [u.id, u.name]));
  const invite = new Map(invites.map((i) => [i.id, i.email]));
  const guide = new Map(guides.map((g) => [g.id, g.versions[0]?.title ?? "a guide"]));
  const delivery = new Map(deliveries.map((d) => [d.id, d]));
  return rows.map((r) => {
    const m = meta(r);
    switch (r.targetType) {
      case "handout":
        return handout.get(r.targetId ?? "") ?? "a handout";
      case "delivery": {
        const d = delivery.get(r.targetId ?? "");
        return d ? `${handout.get(d.handoutId) ?? "a handout"} to ${d.recipientMask}` : "an email";
      }
      case "template":
        return `template “${template.get(r.targetId ?? "") ?? (typeof m.name === "string" ? m.name : "deleted")}”`;
      case "user":
        return user.get(r.targetId ?? "") ?? "a former member";
      case "invite":
        return invite.get(r.targetId ?? "") ? `invite for ${invite.get(r.targetId ?? "")}` : "an invite";
      case "guide":
        return `guide “${guide.get(r.targetId ?? "") ?? "removed"}”${typeof m.version === "number" ? `, version ${m.version}` : ""}`;
      case "clinic":
      case "logo": {
        const fields = Array.isArray(m.fields) ? m.fields.filter((f): f is string => typeof f === "string") : [];
        return fields.length ? fields.map((f) => FIELD_LABELS[f] ?? f).join(", ") : r.targetType === "logo" ? "logo" : "settings (nothing changed)";
      }
      case "session":
        return null;
      default:
        return null;
    }
  });
}

/**
 * A clinic's events, plus the account events (sign-in, sign-out, password reset) of its current members,
 * which are not tied to one clinic; newest first, filtered by action, member and day.
 */
export async function findAuditEvents(ctx: MemberContext, f: AuditFilters) {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const members = await db.membership.findMany({ where: { clinicId }, select: { userId: true, user: { select: { name: true } } } });
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      { OR: [{ clinicId }, { clinicId: null, actorId: { in: members.map((m) => m.userId) } }] },
      f.action ? { action: f.action } : {},
      f.actor ? { actorId: f.actor } : {},
      f.from || f.to ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}) } } : {},
    ],
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (f.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const [actors, targets] = await Promise.all([db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }), describeTargets(clinicId, events)]);
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    events: events.map((e, i) => ({
      id: e.id,
      createdAt: e.createdAt,
      what: AUDIT_ACTIONS[e.action as AuditAction] ?? e.action,
      target: targets[i] ?? null,
      actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
      ip: normaliseIp(e.ip) ?? e.ip,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    members: members.map((m) => ({ id: m.userId, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
