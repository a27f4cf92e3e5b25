import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Block, Reference } from "@/lib/guides/blocks";
import type { SectionKind } from "@/lib/generated/prisma/client";

// Guides a clinic may use: its own and the shared library (clinicId null). Always part of the where-clause.
export const visibleGuide = (clinicId: string) => ({ OR: [{ clinicId }, { clinicId: null }] });

export type VersionSection = { key: string; title: string; kind: SectionKind; required: boolean; lockReason: string | null; blocks: Block[]; citedRefKeys: string[]; plainText: string; grade: number; words: number; contentHash: string };

/** A guide version the clinic can see, with its sections in guide order and its references. */
export async function getGuideVersion(clinicId: string, guideVersionId: string, tx: Tx = db) {
  const version = await tx.guideVersion.findFirst({
    where: { id: guideVersionId, guide: visibleGuide(clinicId) },
    select: {
      id: true,
      version: true,
      title: true,
      guideId: true,
      sections: { orderBy: { position: "asc" }, select: { key: true, title: true, kind: true, required: true, lockReason: true, blocks: true, citedRefKeys: true, plainText: true, grade: true, words: true, contentHash: true } },
      references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
    },
  });
  if (!version) throw new AppError("NOT_FOUND", "That guide is not in your library.");
  return {
    ...version,
    sections: version.sections.map((s) => ({ ...s, blocks: s.blocks as unknown as Block[] })) as VersionSection[],
    references: version.references as Reference[],
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
