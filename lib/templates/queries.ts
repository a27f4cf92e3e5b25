import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isManager, type MemberContext } from "@/lib/member-context";

type Stale = { title: string; removed: boolean }[];

/**
 * For each template, which of its sections the guide's newest version changed or removed since it was saved
 * (empty when it is up to date). Three queries for the whole list, not two per template: a big clinic's 60
 * templates took 120 round trips.
 */
async function staleSections(
  templates: { id: string; guideId: string; guideVersionId: string; sectionKeys: string[] }[],
): Promise<Map<string, Stale>> {
  const versions = await db.guideVersion.findMany({
    where: { guideId: { in: [...new Set(templates.map((t) => t.guideId))] } },
    select: { id: true, guideId: true, version: true },
  });
  const latest = new Map<string, { id: string; version: number }>();
  for (const v of versions) if ((latest.get(v.guideId)?.version ?? -1) < v.version) latest.set(v.guideId, v);
  const outdated = templates.filter((t) => latest.has(t.guideId) && latest.get(t.guideId)!.id !== t.guideVersionId);
  const sections = outdated.length
    ? await db.section.findMany({
        where: {
          versionId: {
            in: [
              ...new Set([...outdated.map((t) => t.guideVersionId), ...outdated.map((t) => latest.get(t.guideId)!.id)]),
            ],
          },
        },
        select: { versionId: true, key: true, title: true, contentHash: true },
      })
    : [];
  const byVersion = new Map<string, typeof sections>();
  for (const s of sections) byVersion.set(s.versionId, [...(byVersion.get(s.versionId) ?? []), s]);
  return new Map(
    templates.map((t) => {
      if (!outdated.includes(t)) return [t.id, []];
      const now = new Map((byVersion.get(latest.get(t.guideId)!.id) ?? []).map((s) => [s.key, s.contentHash]));
      const saved = (byVersion.get(t.guideVersionId) ?? []).filter((s) => t.sectionKeys.includes(s.key));
      return [
        t.id,
        saved
          .filter((s) => now.get(s.key) !== s.contentHash)
          .map((s) => ({ title: s.title, removed: !now.has(s.key) })),
      ];
    }),
  );
}

/** The clinic's templates, most used first, optionally filtered by name. */
export async function findTemplates(ctx: MemberContext, opts: { q?: string } = {}) {
  const clinicId = ctx.clinic.id;
  const templates = await db.template.findMany({
    where: { clinicId, ...(opts.q ? { name: { contains: opts.q, mode: "insensitive" as const } } : {}) },
    orderBy: [{ timesUsed: "desc" }, { name: "asc" }],
    take: 200,
  });
  const [creators, guides, stale] = await Promise.all([
    db.user.findMany({ where: { id: { in: templates.map((t) => t.createdById) } }, select: { id: true, name: true } }),
    db.guideVersion.findMany({
      where: { id: { in: templates.map((t) => t.guideVersionId) } },
      select: { id: true, title: true, sections: { select: { key: true, title: true } } },
    }),
    staleSections(templates),
  ]);
  const creator = new Map(creators.map((u) => [u.id, u.name]));
  const guide = new Map(guides.map((g) => [g.id, g]));
  return templates.map((t) => {
    const g = guide.get(t.guideVersionId);
    const titles = new Map(g?.sections.map((s) => [s.key, s.title]) ?? []);
    return {
      ...t,
      guideTitle: g?.title ?? "",
      sectionTitles: t.sectionKeys.map((k) => titles.get(k) ?? k),
      createdByName: creator.get(t.createdById) ?? "former member",
      canEdit: t.createdById === ctx.user.id || isManager(ctx.role),
      stale: stale.get(t.id) ?? [],
    };
  });
}

export async function getTemplate(ctx: MemberContext, templateId: string) {
  const template = await db.template.findFirst({ where: { id: templateId, clinicId: ctx.clinic.id } });
  if (!template) throw new AppError("NOT_FOUND", "Not found.");
  return template;
}

/** The home page's templates: the clinic's most used, then the member's own, without repeats. */
export async function findHomeTemplates(ctx: MemberContext, take = 6) {
  const select = {
    id: true,
    name: true,
    timesUsed: true,
    createdById: true,
    sectionKeys: true,
    patientLink: true,
  } as const;
  const [popular, own] = await Promise.all([
    db.template.findMany({
      where: { clinicId: ctx.clinic.id },
      orderBy: [{ timesUsed: "desc" }, { name: "asc" }],
      take,
      select,
    }),
    db.template.findMany({
      where: { clinicId: ctx.clinic.id, createdById: ctx.user.id },
      orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      take,
      select,
    }),
  ]);
  const seen = new Set<string>();
  return [...popular, ...own]
    .filter((t) => !seen.has(t.id) && seen.add(t.id))
    .map((t) => ({ ...t, mine: t.createdById === ctx.user.id }));
}

/** Templates whose name has `q`, for the home page's search. */
export async function searchTemplates(ctx: MemberContext, q: string, take = 20) {
  return db.template.findMany({
    where: { clinicId: ctx.clinic.id, name: { contains: q, mode: "insensitive" } },
    orderBy: [{ timesUsed: "desc" }, { name: "asc" }],
    take,
    select: { id: true, name: true, timesUsed: true },
  });
}
