import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberContext } from "@/lib/member-context";
import { COUNTERS, emptyCounts, periodStarts, type Counts } from "@/lib/insights/figures";
import { periodOf, type InsightsFilters } from "@/lib/insights/schemas";
import { groupLabels } from "@/lib/insights/labels";

// The Insights figures, read from the rollups only (InsightDay, InsightOpenDay; never the raw tables): one
// statement per rollup, every breakdown in it at once (GROUPING SETS), so a range of two years at a clinic of
// 100,000 handouts a year stays one index range scan of each.

export type Kind = "period" | "author" | "guide" | "template" | "variant";
export type Group = { key: string; label: string; counts: Counts };
export type Insights = {
  filters: InsightsFilters;
  // "own": a clinician's figures, always their own handouts only.
  scope: "clinic" | "own";
  period: "week" | "month";
  total: Counts;
  groups: Record<Kind, Group[]>;
};

// The rollup's first-open bucket columns, in the order of FIRST_OPEN_BUCKETS.
const FIRST_OPEN_COLUMNS = ["Under1h", "1to2h", "2to6h", "6to24h", "1to3d", "3to7d", "Over7d"].map(
  (b) => `firstOpen${b}`,
);
const GROUPS = Prisma.sql`GROUPING SETS (("period"), ("authorId"), ("guideId"), ("templateId"), ("language", "level"), ())`;
const KIND = Prisma.sql`CASE WHEN GROUPING("period") = 0 THEN 'period' WHEN GROUPING("authorId") = 0 THEN 'author'
  WHEN GROUPING("guideId") = 0 THEN 'guide' WHEN GROUPING("templateId") = 0 THEN 'template'
  WHEN GROUPING("language") = 0 THEN 'variant' ELSE 'total' END AS "kind",
  COALESCE(to_char("period", 'YYYY-MM-DD'), "authorId", "guideId", "templateId", "language" || '|' || "level", '') AS "key"`;

/** The clinic's (or, for a clinician, their own) figures for the filters, every breakdown at once. */
export async function findInsights(ctx: MemberContext, filters: InsightsFilters): Promise<Insights> {
  const scope = ctx.role === "CLINICIAN" ? "own" : "clinic";
  // A clinician's author filter is forced to themself, whatever the request said.
  const f = { ...filters, author: scope === "own" ? ctx.user.id : filters.author };
  const period = periodOf(f);
  const where = Prisma.join(
    [
      Prisma.sql`"clinicId" = ${ctx.clinic.id}`,
      Prisma.sql`"day" BETWEEN ${f.from}::date AND ${f.to}::date`,
      ...(f.author ? [Prisma.sql`"authorId" = ${f.author}`] : []),
      ...(f.guide ? [Prisma.sql`"guideId" = ${f.guide}`] : []),
      ...(f.template ? [Prisma.sql`"templateId" = ${f.template}`] : []),
    ],
    " AND ",
  );
  const rows = Prisma.sql`SELECT date_trunc(${period}, "day"::timestamp)::date AS "period", * FROM`;
  // The sums of an empty range are null: zero on the page.
  const sums = Prisma.join(
    [
      ...COUNTERS.filter((c) => c !== "opens").map((c) => Prisma.raw(`COALESCE(sum("${c}"), 0)::int AS "${c}"`)),
      Prisma.raw(
        `ARRAY[${FIRST_OPEN_COLUMNS.map((c) => `COALESCE(sum("${c}"), 0)`).join(", ")}]::int[] AS "firstOpen"`,
      ),
    ],
    ", ",
  );
  type Row = Omit<Counts, "opens"> & { kind: Kind | "total"; key: string };
  const [made, opened] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT ${KIND}, ${sums} FROM (${rows} "InsightDay" WHERE ${where}) d GROUP BY ${GROUPS}`,
    db.$queryRaw<{ kind: Kind | "total"; key: string; opens: number }[]>`
      SELECT ${KIND}, COALESCE(sum("opens"), 0)::int AS "opens" FROM (${rows} "InsightOpenDay" WHERE ${where}) d GROUP BY ${GROUPS}`,
  ]);

  const byKey = new Map<string, Counts>();
  const at = (kind: string, key: string) => {
    const id = `${kind}:${key}`;
    if (!byKey.has(id)) byKey.set(id, emptyCounts());
    return byKey.get(id)!;
  };
  for (const { kind, key, ...counts } of made) Object.assign(at(kind, key), counts);
  for (const { kind, key, opens } of opened) at(kind, key).opens = opens;

  const keysOf = (kind: Kind) =>
    [...byKey.keys()].filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  const labels = await groupLabels(ctx.clinic.id, {
    author: keysOf("author"),
    guide: keysOf("guide"),
    template: keysOf("template"),
  });
  const groupsOf = (kind: Exclude<Kind, "period">): Group[] =>
    keysOf(kind)
      .map((key) => ({ key, label: labels(kind, key), counts: at(kind, key) }))
      .sort((a, b) => b.counts.handouts - a.counts.handouts || a.label.localeCompare(b.label));
  return {
    filters: f,
    scope,
    period,
    total: at("total", ""),
    groups: {
      // Every period of the range, the empty ones too: a gap in a chart is a figure as well.
      period: periodStarts(f.from, f.to, period).map((key) => ({ key, label: key, counts: at("period", key) })),
      author: groupsOf("author"),
      guide: groupsOf("guide"),
      template: groupsOf("template"),
      variant: groupsOf("variant"),
    },
  };
}
