import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isManager } from "@/lib/clinics/roles";
import type { MemberContext } from "@/lib/authz";

/**
 * Which of the template's sections the guide's newest version changed or removed since it was saved.
 * Empty when the template is up to date.
 */
async function staleSections(template: { guideId: string; guideVersionId: string; sectionKeys: string[] }) {
  const [saved, latest] = await Promise.all([
    db.section.findMany({ where: { versionId: template.guideVersionId, key: { in: template.sectionKeys } }, select: { key: true, title: true, contentHash: true } }),
    db.guideVersion.findFirst({ where: { guideId: template.guideId }, orderBy: { version: "desc" }, select: { id: true, sections: { select: { key: true, contentHash: true } } } }),
  ]);
  if (!latest || latest.id === template.guideVersionId) return [];
  const now = new Map(latest.sections.map((s) => [s.key, s.contentHash]));
  return saved.filter((s) => now.get(s.key) !== s.contentHash).map((s) => ({ title: s.title, removed: !now.has(s.key) }));
}

/** The clinic's templates, most used first, optionally filtered by name. */
export async function findTemplates(ctx: MemberContext, opts: { q?: string } = {}) {
  const clinicId = ctx.clinic.id;
  const templates = await db.template.findMany({
    where: { clinicId, ...(opts.q ? { name: { contains: opts.q, mode: "insensitive" as const } } : {}) },
    orderBy: [{ timesUsed: "desc" }, { name: "asc" }],
    take: 200,
  });
  const [creators, guides] = await Promise.all([
    db.user.findMany({ where: { id: { in: templates.map((t) => t.createdById) } }, select: { id: true, name: true } }),
    db.guideVersion.findMany({ where: { id: { in: templates.map((t) => t.guideVersionId) } }, select: { id: true, title: true, sections: { select: { key: true, title: true } } } }),
  ]);
  const creator = new Map(creators.map((u) => [u.id, u.name]));
  const guide = new Map(guides.map((g) => [g.id, g]));
  return Promise.all(
    templates.map(async (t) => {
      const g = guide.get(t.guideVersionId);
      const titles = new Map(g?.sections.map((s) => [s.key, s.title]) ?? []);
      return {
        ...t,
        guideTitle: g?.title ?? "",
        sectionTitles: t.sectionKeys.map((k) => titles.get(k) ?? k),
        createdByName: creator.get(t.createdById) ?? "former member",
        canEdit: t.createdById === ctx.user.id || isManager(ctx.role),
        stale: await staleSections(t),
      };
    }),
  );
}

export async function getTemplate(ctx: MemberContext, templateId: string) {
  const template = await db.template.findFirst({ where: { id: templateId, clinicId: ctx.clinic.id } });
  if (!template) throw new AppError("NOT_FOUND", "Not found.");
  return template;
}

/** The home page's templates: the clinic's most used, then the member's own, without repeats. */
export async function findHomeTemplates(ctx: MemberContext, take = 6) {
  const select = { id: true, name: true, timesUsed: true, createdById: true, sectionKeys: true, patientLink: true } as const;
  const [popular, own] = await Promise.all([
    db.template.findMany({ where: { clinicId: ctx.clinic.id }, orderBy: [{ timesUsed: "desc" }, { name: "asc" }], take, select }),
    db.template.findMany({ where: { clinicId: ctx.clinic.id, createdById: ctx.user.id }, orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }], take, select }),
  ]);
  const seen = new Set<string>();
  return [...popular, ...own].filter((t) => !seen.has(t.id) && seen.add(t.id)).map((t) => ({ ...t, mine: t.createdById === ctx.user.id }));
}

/** Templates whose name has `q`, for the home page's search. */
export async function searchTemplates(ctx: MemberContext, q: string, take = 20) {
  return db.template.findMany({ where: { clinicId: ctx.clinic.id, name: { contains: q, mode: "insensitive" } }, orderBy: [{ timesUsed: "desc" }, { name: "asc" }], take, select: { id: true, name: true, timesUsed: true } });
}
