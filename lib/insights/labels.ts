import "server-only";
import { db } from "@/lib/db";
import { variantLabel } from "@/lib/guides/variant-labels";
import type { MemberContext } from "@/lib/member-context";

// Names for the ids the rollups keep, and the choices of the filter form. Only names: a clinician's, a
// guide's title, a template's name. Nothing about a patient.

type Ids = { author: string[]; guide: string[]; template: string[] };

/** Looks up the names of the ids in one go; the function it returns names one (or says what it was). */
export async function groupLabels(clinicId: string, ids: Ids) {
  const [users, guides, templates] = await Promise.all([
    ids.author.length
      ? db.user.findMany({
          // Authors of this clinic's handouts only (a member who left keeps their name here).
          where: { id: { in: ids.author }, handouts: { some: { clinicId } } },
          select: { id: true, name: true },
        })
      : [],
    ids.guide.length ? findGuideTitles(clinicId, ids.guide) : [],
    ids.template.length
      ? db.template.findMany({ where: { clinicId, id: { in: ids.template } }, select: { id: true, name: true } })
      : [],
  ]);
  const names = {
    author: new Map(users.map((u) => [u.id, u.name])),
    guide: new Map(guides.map((g) => [g.id, g.title])),
    template: new Map(templates.map((t) => [t.id, t.name])),
  };
  return (kind: "author" | "guide" | "template" | "variant", key: string): string => {
    if (kind === "variant") {
      const [language = "", level = ""] = key.split("|");
      return variantLabel({ language, level });
    }
    if (kind === "template" && key === "") return "No template";
    return names[kind].get(key) ?? (kind === "template" ? "A deleted template" : "Unknown");
  };
}

/** The clinic's own and the shared main guides (not variants), each by its newest version's title. */
function findGuideTitles(clinicId: string, ids?: string[]) {
  return db.guide
    .findMany({
      where: { OR: [{ clinicId }, { clinicId: null }], variantOfId: null, ...(ids ? { id: { in: ids } } : {}) },
      select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
    })
    .then((gs) =>
      gs
        .map((g) => ({ id: g.id, title: g.versions[0]?.title ?? "Untitled guide" }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    );
}

export type FilterOptions = {
  clinicians: { id: string; name: string }[];
  guides: { id: string; title: string }[];
  templates: { id: string; name: string }[];
};

/** What the filter form offers: managers choose a clinician too; a clinician sees only their own figures. */
export async function findFilterOptions(ctx: MemberContext): Promise<FilterOptions> {
  const clinicId = ctx.clinic.id;
  const [members, guides, templates] = await Promise.all([
    ctx.role === "CLINICIAN"
      ? []
      : db.membership.findMany({
          where: { clinicId },
          select: { user: { select: { id: true, name: true } } },
          orderBy: { user: { name: "asc" } },
        }),
    findGuideTitles(clinicId),
    db.template.findMany({ where: { clinicId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { clinicians: members.map((m) => m.user), guides, templates };
}
