import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findGuideFamily, visibleGuide } from "@/lib/guides/library/versions";
import { reviewBySql } from "@/lib/guides/library/review-dates";
import type { MemberContext } from "@/lib/member-context";
import { Prisma } from "@/lib/generated/prisma/client";
import { readBlocks, type Block } from "@/lib/guides/blocks";
import { readCodes } from "@/lib/guides/clinical-codes";

export const LIBRARY_PAGE_SIZE = 20;

export type LibraryRow = {
  id: string;
  versionId: string;
  version: number;
  title: string;
  summary: string | null;
  reviewedAt: Date | null;
  reviewBy: Date;
  grade: number;
  language: string;
  // Other reading levels and languages of the guide the clinic can see.
  variants: number;
  shared: boolean;
  sections: number;
  rank: number;
};

/**
 * The clinic's guides and the shared library, latest version of each. With `q`, Postgres full-text search
 * over titles, summaries and section text (Section."searchVector"), title matches ranked first.
 */
export async function findLibrary(ctx: MemberContext, opts: { q?: string; page?: number } = {}) {
  const clinicId = ctx.clinic.id;
  const q = opts.q?.trim() || null;
  const page = Math.max(1, opts.page ?? 1);
  const query = q ? Prisma.sql`websearch_to_tsquery('english', ${q})` : Prisma.sql`NULL::tsquery`;
  const rows = await db.$queryRaw<(LibraryRow & { total: bigint })[]>`
    WITH latest AS (
      SELECT DISTINCT ON (v."guideId") v."id", v."guideId", v."version", v."title", v."summary", v."reviewedAt", v."grade", g."clinicId", g."language",
        ${reviewBySql("v", "g", Prisma.sql`(SELECT "reviewMonths" FROM "Clinic" WHERE "id" = ${clinicId})`)} AS "reviewBy"
      FROM "GuideVersion" v JOIN "Guide" g ON g."id" = v."guideId"
      -- Variants (other levels and languages) are shown on their original's page.
      WHERE (g."clinicId" = ${clinicId} OR g."clinicId" IS NULL) AND g."variantOfId" IS NULL
      ORDER BY v."guideId", v."version" DESC
    ), q AS (SELECT ${query} AS query),
    -- The matching sections of those versions, with their best rank: a join, not an EXISTS per guide under
    -- an OR, so the planner may read them from the GIN index on the stored "searchVector" (for words rare
    -- across the library) or by version (common ones). The query is written out, not taken from q, so the
    -- planner sees the words and can tell which.
    matched AS (
      SELECT s."versionId", max(ts_rank(s."searchVector", ${query})) AS rank
      FROM "Section" s WHERE s."searchVector" @@ ${query} AND s."versionId" IN (SELECT "id" FROM latest)
      GROUP BY s."versionId"
    ), scored AS (
      SELECT l.*,
        CASE WHEN q.query IS NULL THEN 0 ELSE 2 * ts_rank(to_tsvector('english', l."title" || ' ' || COALESCE(l."summary", '')), q.query) + COALESCE(m.rank, 0) END AS rank,
        q.query IS NULL OR to_tsvector('english', l."title" || ' ' || COALESCE(l."summary", '')) @@ q.query OR m."versionId" IS NOT NULL AS hit
      FROM latest l CROSS JOIN q LEFT JOIN matched m ON m."versionId" = l."id"
    )
    SELECT "guideId" AS "id", "id" AS "versionId", "version", "title", "summary", "reviewedAt", "reviewBy", "grade", "language", "clinicId" IS NULL AS "shared", rank::float8 AS "rank",
      (SELECT count(*) FROM "Guide" vg WHERE vg."variantOfId" = scored."guideId" AND (vg."clinicId" = ${clinicId} OR vg."clinicId" IS NULL))::int AS "variants",
      (SELECT count(*) FROM "Section" s WHERE s."versionId" = scored."id" AND s."kind" = 'content')::int AS "sections",
      count(*) OVER () AS "total"
    FROM scored WHERE hit
    ORDER BY rank DESC, "title" ASC
    LIMIT ${LIBRARY_PAGE_SIZE} OFFSET ${(page - 1) * LIBRARY_PAGE_SIZE}`;
  const total = Number(rows[0]?.total ?? 0);
  return {
    guides: rows.map(({ total: _t, ...r }) => r),
    total,
    pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)),
  };
}

/** A guide the clinic can see: one version (the latest by default) with its sections, references and history. */
export async function getGuide(ctx: MemberContext, guideId: string, opts: { version?: number } = {}) {
  const clinicId = ctx.clinic.id;
  const guide = await db.guide.findFirst({
    where: { id: guideId, ...visibleGuide(clinicId) },
    select: {
      id: true,
      clinicId: true,
      language: true,
      level: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          title: true,
          createdAt: true,
          importedBy: true,
          _count: { select: { sections: { where: { changed: true } } } },
        },
      },
    },
  });
  const chosen = guide?.versions.find((v) => (opts.version ? v.version === opts.version : true));
  if (!guide || !chosen) throw new AppError("NOT_FOUND", "Not found.");
  const version = await db.guideVersion.findUniqueOrThrow({
    where: { id: chosen.id },
    select: {
      id: true,
      version: true,
      title: true,
      summary: true,
      source: true,
      reviewedAt: true,
      grade: true,
      words: true,
      createdAt: true,
      translationNote: true,
      codes: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          kind: true,
          required: true,
          lockReason: true,
          blocks: true,
          grade: true,
          words: true,
          changed: true,
          keyPoint: true,
        },
      },
      references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
    },
  });
  const importers = await db.user.findMany({
    where: { id: { in: guide.versions.map((v) => v.importedBy).filter((x): x is string => !!x) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(importers.map((u) => [u.id, u.name]));
  return {
    id: guide.id,
    shared: guide.clinicId === null,
    language: guide.language,
    level: guide.level,
    latestVersion: guide.versions[0]!.version,
    history: guide.versions.map((v) => ({
      version: v.version,
      title: v.title,
      createdAt: v.createdAt,
      importedBy: v.importedBy ? (nameOf.get(v.importedBy) ?? null) : null,
      changedSections: v._count.sections,
    })),
    version,
    // The conditions this version is suggested for (library/codes.ts).
    codes: readCodes(version.codes),
    sections: version.sections.map((s) => ({ ...s, blocks: readBlocks(s.blocks) })),
    references: version.references,
  };
}

export type VariantColumn = {
  guideId: string;
  title: string;
  language: string;
  level: string;
  sections: Map<string, { title: string; blocks: Block[]; grade: number; words: number; keyPoint: string | null }>;
};

/**
 * The other variants of a guide (levels, languages) at their newest versions, each section by key, for the
 * guide page's side-by-side view. Empty when the guide has none the clinic can see.
 */
export async function findVariantColumns(ctx: MemberContext, guideId: string): Promise<VariantColumn[]> {
  const family = (await findGuideFamily(ctx.clinic.id, guideId)).filter((m) => m.guideId !== guideId);
  if (family.length === 0) return [];
  const sections = await db.section.findMany({
    where: { versionId: { in: family.map((m) => m.versionId) } },
    select: { versionId: true, key: true, title: true, blocks: true, grade: true, words: true, keyPoint: true },
  });
  return family.map((m) => ({
    guideId: m.guideId,
    title: m.title,
    language: m.language,
    level: m.level,
    sections: new Map(
      sections
        .filter((s) => s.versionId === m.versionId)
        .map((s) => [
          s.key,
          { title: s.title, blocks: readBlocks(s.blocks), grade: s.grade, words: s.words, keyPoint: s.keyPoint },
        ]),
    ),
  }));
}
