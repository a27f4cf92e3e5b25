import "server-only";
import { db, type Tx } from "@/lib/db";
import { imageIdsIn, readBlocks } from "@/lib/guides/blocks";
import type { StoredRow, StoredVersion } from "@/lib/handouts/printed/from-stored";

function loadVersion(tx: Tx, versionId: string): Promise<StoredVersion> {
  return tx.guideVersion
    .findUniqueOrThrow({
      where: { id: versionId },
      select: {
        title: true,
        sections: {
          select: {
            key: true,
            title: true,
            kind: true,
            blocks: true,
            citedRefKeys: true,
            keyPoint: true,
            lockReason: true,
            redFlag: true,
            required: true,
          },
        },
        references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
      },
    })
    .then((v) => ({ ...v, sections: v.sections.map((s) => ({ ...s, blocks: readBlocks(s.blocks) })) }));
}

export type StoredHandout = {
  row: StoredRow;
  version: StoredVersion;
  /** The SHA-256 kept beside each picture its sections show (null: the picture is not there). */
  pictures: Record<string, string | null>;
  /** Its patient link's seed (the token is made from it, lib/handouts/link-tokens.ts); null without a link. */
  linkSeed: string | null;
  seal: { version: number; sha256: string } | null;
  pages: number | null;
};

/**
 * What a stored handout kept, read from the database: its own row, its guide version's sections and
 * references, and the SHA-256 of each picture its stored sections show (the clinic's own published pictures
 * and the shared library's); with its seal and its PDF's page count. Scoped to the clinic in the
 * where-clause. `versions` lets a caller that reads many handouts (the seal backfill) read each guide version
 * once. printedFromStored (lib/handouts/printed/from-stored.ts) makes the printed model of it.
 */
export async function findStoredHandout(
  clinicId: string,
  handoutId: string,
  tx: Tx = db,
  versions?: Map<string, Promise<StoredVersion>>,
): Promise<StoredHandout | null> {
  const h = await tx.handout.findFirst({
    where: { id: handoutId, clinicId },
    select: {
      title: true,
      preparedFor: true,
      followUpDate: true,
      notes: true,
      sectionKeys: true,
      contact: true,
      options: true,
      branding: true,
      createdAt: true,
      guideVersionId: true,
      link: { select: { seed: true } },
      pdf: { select: { pages: true } },
      seal: { select: { version: true, sha256: true } },
    },
  });
  if (!h) return null;
  let loading = versions?.get(h.guideVersionId);
  if (!loading) {
    loading = loadVersion(tx, h.guideVersionId);
    versions?.set(h.guideVersionId, loading);
  }
  const version = await loading;
  const shown = new Set(h.sectionKeys);
  const ids = [...new Set(version.sections.filter((s) => shown.has(s.key)).flatMap((s) => imageIdsIn(s.blocks)))];
  const pictures = ids.length
    ? await tx.guideImage.findMany({
        where: { id: { in: ids }, OR: [{ clinicId }, { clinicId: null }], draftId: null },
        select: { id: true, sha256: true },
      })
    : [];
  const { link, pdf, seal, guideVersionId: _version, ...row } = h;
  return {
    row,
    version,
    pictures: Object.fromEntries(pictures.map((p) => [p.id, p.sha256])),
    linkSeed: link?.seed ?? null,
    seal,
    pages: pdf?.pages ?? null,
  };
}
