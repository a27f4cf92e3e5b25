import "server-only";
import { db } from "@/lib/db";
import { displayIp } from "@/lib/server/client-ip.mjs";
import { AUDIT_ACTIONS, PAGE_VIEW_ACTIONS, type AuditAction } from "@/lib/audit/catalogue";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { Prisma, type AuditEvent } from "@/lib/generated/prisma/client";
import {
  COUNT_CAP,
  cappedCount,
  keysetOrder,
  keysetSql,
  pageByKeyset,
  type Bound,
  type PageRequest,
} from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 25;

// `views`: include page views (PAGE_VIEW_ACTIONS), which are left out unless asked for or filtered on by name.
export type AuditFilters = {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  views?: boolean;
} & PageRequest;

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
const meta = (r: Row) =>
  r.metadata && typeof r.metadata === "object" && !Array.isArray(r.metadata)
    ? (r.metadata as Record<string, unknown>)
    : {};

/** What each event was about, in words, looked up in one query per kind of target (all scoped to the clinic). */
async function describeTargets(clinicId: string, rows: Row[]): Promise<(string | null)[]> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!)),
  ];
  const deliveryHandouts = rows
    .filter((r) => r.targetType === "delivery")
    .map((r) => meta(r).handoutId)
    .filter((id): id is string => typeof id === "string");
  const [handouts, templates, users, invites, guides, deliveries] = await Promise.all([
    db.handout.findMany({
      where: { clinicId, id: { in: [...ids("handout"), ...deliveryHandouts] } },
      select: { id: true, title: true, preparedFor: true },
    }),
    db.template.findMany({ where: { clinicId, id: { in: ids("template") } }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { id: { in: ids("user") }, memberships: { some: { clinicId } } },
      select: { id: true, name: true },
    }),
    db.invite.findMany({ where: { clinicId, id: { in: ids("invite") } }, select: { id: true, email: true } }),
    db.guide.findMany({
      where: { id: { in: ids("guide") }, OR: [{ clinicId }, { clinicId: null }] },
      select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
    }),
    db.delivery.findMany({
      where: { clinicId, id: { in: ids("delivery") } },
      select: { id: true, handoutId: true, recipientMask: true },
    }),
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
        return fields.length
          ? fields.map((f) => FIELD_LABELS[f] ?? f).join(", ")
          : r.targetType === "logo"
            ? "logo"
            : "settings (nothing changed)";
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
 *
 * Raw SQL because of the "plus": an OR of the two kinds made Postgres gather every matching event of the
 * clinic (500,000 in a big one) and sort them for each page. As a UNION ALL of the clinic's newest events
 * (index on clinicId, createdAt, id) and each member's newest account events (partial index on actorId,
 * createdAt, id where there is no clinic), each part reads only a page's worth of rows.
 */
export async function findAuditEvents(ctx: MemberContext, f: AuditFilters) {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const members = await db.membership.findMany({
    where: { clinicId },
    select: { userId: true, user: { select: { name: true } } },
  });
  const actors = members.map((m) => m.userId).filter((id) => !f.actor || id === f.actor);
  const hideViews = !f.views && !f.action;
  const filters = Prisma.sql`${f.action ? Prisma.sql`AND e."action" = ${f.action}` : Prisma.empty}
    ${hideViews ? Prisma.sql`AND e."action" <> ALL(${[...PAGE_VIEW_ACTIONS]}::text[])` : Prisma.empty}
    ${f.actor ? Prisma.sql`AND e."actorId" = ${f.actor}` : Prisma.empty}
    ${f.from ? Prisma.sql`AND e."createdAt" >= ${new Date(`${f.from}T00:00:00Z`)}::timestamp(3)` : Prisma.empty}
    ${f.to ? Prisma.sql`AND e."createdAt" < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}::timestamp(3)` : Prisma.empty}`;
  const fetch = (bound: Bound, take: number) => {
    const order = Prisma.raw(keysetOrder(bound) === "asc" ? "ASC" : "DESC");
    return db.$queryRaw<AuditEvent[]>`
      SELECT * FROM (
        (SELECT * FROM "AuditEvent" e WHERE e."clinicId" = ${clinicId} ${filters} ${keysetSql(bound, "e")}
         ORDER BY e."createdAt" ${order}, e."id" ${order} LIMIT ${take})
        UNION ALL
        (SELECT x.* FROM unnest(${actors}::text[]) AS m("id") CROSS JOIN LATERAL (
          SELECT * FROM "AuditEvent" e WHERE e."clinicId" IS NULL AND e."actorId" = m."id" ${filters} ${keysetSql(bound, "e")}
          ORDER BY e."createdAt" ${order}, e."id" ${order} LIMIT ${take}) x)
      ) u ORDER BY "createdAt" ${order}, "id" ${order} LIMIT ${take}`;
  };
  const [page, total] = await Promise.all([
    pageByKeyset(clinicId, f, AUDIT_PAGE_SIZE, fetch),
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        (SELECT 1 FROM "AuditEvent" e WHERE e."clinicId" = ${clinicId} ${filters} LIMIT ${COUNT_CAP + 1})
        UNION ALL
        (SELECT 1 FROM "AuditEvent" e WHERE e."clinicId" IS NULL AND e."actorId" = ANY(${actors}::text[]) ${filters} LIMIT ${COUNT_CAP + 1})
        LIMIT ${COUNT_CAP + 1}
      ) c`.then((r) => cappedCount(r[0]?.n ?? 0)),
  ]);
  const events = page.rows;
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const [actorRows, targets] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }),
    describeTargets(clinicId, events),
  ]);
  const byId = new Map(actorRows.map((a) => [a.id, a]));
  return {
    events: events.map((e, i) => ({
      id: e.id,
      createdAt: e.createdAt,
      what: AUDIT_ACTIONS[e.action as AuditAction] ?? e.action,
      target: targets[i] ?? null,
      actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
      ip: displayIp(e.ip),
    })),
    total,
    older: page.older,
    newer: page.newer,
    members: members.map((m) => ({ id: m.userId, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
