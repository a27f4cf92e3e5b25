import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberContext } from "@/lib/member-context";
import { COUNTERS, emptyCounts, periodStarts, type Counts } from "@/lib/insights/figures";
import { periodOf, type InsightsFilters } from "@/lib/insights/schemas";
import { groupLabels } from "@/lib/insights/labels";

// The Insights figures, read from the rollups only (lib/insights/README.md), never the raw tables: without a
// filter from InsightDimDay (one row per day and breakdown group), with one from InsightDay and InsightOpenDay
// (one row per day and author, guide, template and variant), every breakdown in one statement (GROUPING SETS).

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

// The sums of an empty range are null: zero on the page.
const sum = (c: string) => `COALESCE(sum("${c}"), 0)`;
const SUMS = Prisma.raw(
  [
    ...COUNTERS.filter((c) => c !== "opens").map((c) => `${sum(c)}::int AS "${c}"`),
    `ARRAY[${FIRST_OPEN_COLUMNS.map(sum).join(", ")}]::int[] AS "firstOpen"`,
  ].join(", "),
);
const OPENS = Prisma.raw(`${sum("opens")}::int AS "opens"`);
type Row = Partial<Counts> & { kind: Kind | "total"; key: string };

/**
 * No filter: InsightDimDay, where each breakdown has rows of its own (the total's by day give the periods).
 * Two index range scans of the clinic's days, each row added into one group.
 */
function readWhole(clinicId: string, f: InsightsFilters, period: string) {
  const range = Prisma.sql`"clinicId" = ${clinicId} AND "day" BETWEEN ${f.from}::date AND ${f.to}::date`;
  return db.$queryRaw<Row[]>`
    SELECT "dim" AS "kind", "key", ${SUMS}, ${OPENS} FROM "InsightDimDay" WHERE ${range} GROUP BY "dim", "key"
    UNION ALL
    SELECT 'period', to_char(date_trunc(${period}, "day"::timestamp), 'YYYY-MM-DD'), ${SUMS}, ${OPENS}
    FROM "InsightDimDay" WHERE ${range} AND "dim" = 'total' GROUP BY 2`;
}

/** A clinician, guide or template chosen (or a clinician's own): the rows of InsightDay and InsightOpenDay that match. */
async function readFiltered(clinicId: string, f: InsightsFilters, period: string) {
  const where = Prisma.join(
    [
      Prisma.sql`"clinicId" = ${clinicId}`,
      Prisma.sql`"day" BETWEEN ${f.from}::date AND ${f.to}::date`,
      ...(f.author ? [Prisma.sql`"authorId" = ${f.author}`] : []),
      ...(f.guide ? [Prisma.sql`"guideId" = ${f.guide}`] : []),
      ...(f.template ? [Prisma.sql`"templateId" = ${f.template}`] : []),
    ],
    " AND ",
  );
  const rows = Prisma.sql`SELECT date_trunc(${period}, "day"::timestamp)::date AS "period", * FROM`;
  const [made, opened] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT ${KIND}, ${SUMS} FROM (${rows} "InsightDay" WHERE ${where}) d GROUP BY ${GROUPS}`,
    db.$queryRaw<Row[]>`SELECT ${KIND}, ${OPENS} FROM (${rows} "InsightOpenDay" WHERE ${where}) d GROUP BY ${GROUPS}`,
  ]);
  return [...made, ...opened];
}

/** The clinic's (or, for a clinician, their own) figures for the filters, every breakdown at once. */
export async function findInsights(ctx: MemberContext, filters: InsightsFilters): Promise<Insights> {
  const scope = ctx.role === "CLINICIAN" ? "own" : "clinic";
  // A clinician's author filter is forced to themself, whatever the request said.
  const f = { ...filters, author: scope === "own" ? ctx.user.id : filters.author };
  const period = periodOf(f);
  const rows = await (f.author || f.guide || f.template ? readFiltered : readWhole)(ctx.clinic.id, f, period);

  const byKey = new Map<string, Counts>();
  const at = (kind: string, key: string) => {
    const id = `${kind}:${key}`;
    if (!byKey.has(id)) byKey.set(id, emptyCounts());
    return byKey.get(id)!;
  };
  for (const { kind, key, ...counts } of rows) Object.assign(at(kind, key), counts);

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
