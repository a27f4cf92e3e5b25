import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBlocks, type Block } from "@/lib/guides/blocks";
import type { SectionKind } from "@/lib/generated/prisma/client";

// Guides a clinic may use: its own and the shared library (clinicId null). Always part of the where-clause.
export const visibleGuide = (clinicId: string) => ({ OR: [{ clinicId }, { clinicId: null }] });

export type VersionSection = {
  key: string;
  title: string;
  kind: SectionKind;
  required: boolean;
  lockReason: string | null;
  redFlag: boolean;
  blocks: Block[];
  citedRefKeys: string[];
  plainText: string;
  grade: number;
  words: number;
  contentHash: string;
  keyPoint: string | null;
};

/** A guide version the clinic can see, with its sections in guide order and its references. */
export async function getGuideVersion(clinicId: string, guideVersionId: string, tx: Tx = db) {
  const version = await tx.guideVersion.findFirst({
    where: { id: guideVersionId, guide: visibleGuide(clinicId) },
    select: {
      id: true,
      version: true,
      title: true,
      guideId: true,
      guide: { select: { language: true, level: true } },
      sections: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          title: true,
          kind: true,
          required: true,
          lockReason: true,
          redFlag: true,
          blocks: true,
          citedRefKeys: true,
          plainText: true,
          grade: true,
          words: true,
          contentHash: true,
          keyPoint: true,
        },
      },
      references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
    },
  });
  if (!version) throw new AppError("NOT_FOUND", "That guide is not in your library.");
  const { guide, ...rest } = version;
  return {
    ...rest,
    language: guide.language,
    level: guide.level,
    sections: version.sections.map((s): VersionSection => ({ ...s, blocks: readBlocks(s.blocks) })),
    references: version.references,
  };
}

/** The newest version of a visible guide. */
export async function getLatestVersionId(clinicId: string, guideId: string, tx: Tx = db): Promise<string> {
  const latest = await tx.guideVersion.findFirst({
    where: { guideId, guide: visibleGuide(clinicId) },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (!latest) throw new AppError("NOT_FOUND", "That guide is not in your library.");
  return latest.id;
}

export type FamilyMember = {
  guideId: string;
  versionId: string;
  title: string;
  language: string;
  level: string;
  isOriginal: boolean;
};

/**
 * A guide with all its variants the clinic can see (its original first), each at its newest version. A
 * variant another clinic imported over a shared guide is not among them: every row is scoped by visibility.
 */
export async function findGuideFamily(clinicId: string, guideId: string, tx: Tx = db): Promise<FamilyMember[]> {
  const guide = await tx.guide.findFirst({
    where: { id: guideId, ...visibleGuide(clinicId) },
    select: { id: true, variantOfId: true },
  });
  if (!guide) throw new AppError("NOT_FOUND", "That guide is not in your library.");
  const rootId = guide.variantOfId ?? guide.id;
  const rows = await tx.guide.findMany({
    where: { AND: [{ OR: [{ id: rootId }, { variantOfId: rootId }] }, visibleGuide(clinicId)] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      variantOfId: true,
      language: true,
      level: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, title: true } },
    },
  });
  return rows
    .filter((g) => g.versions[0])
    .map((g) => ({
      guideId: g.id,
      versionId: g.versions[0]!.id,
      title: g.versions[0]!.title,
      language: g.language,
      level: g.level,
      isOriginal: g.variantOfId === null,
    }))
    .sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal));
}

/**
 * The variant a handout starts in: the wanted language (the clinic's setting) at the wanted level, else
 * plain in that language when it exists, else the language's standard text, else the guide as opened.
 */
export function pickVariant<T extends { language: string; level: string }>(
  family: T[],
  want: { language: string; level: string },
  fallback: T,
): T {
  const lang = (m: T) => m.language.toLowerCase().split("-")[0] === want.language.toLowerCase().split("-")[0];
  return (
    family.find((m) => lang(m) && m.level === want.level) ??
    family.find((m) => lang(m) && m.level === "plain") ??
    family.find(lang) ??
    fallback
  );
}
