import "server-only";
import { db, type Tx } from "@/lib/db";
import { imageIdsIn, readBlocks, type Reference } from "@/lib/guides/blocks";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { SEAL_VERSION, sealOf, type PrintedRecord } from "@/lib/handouts/seal";
import { isWarningSection } from "@/lib/guides/red-flags";

type VersionPart = {
  title: string;
  sections: { key: string; title: string; kind: PrintedRecord["sections"][number]["kind"]; blocks: unknown; citedRefKeys: string[]; keyPoint: string | null; lockReason: string | null; redFlag: boolean; required: boolean }[];
  references: Reference[];
};

function loadVersion(tx: Tx, versionId: string): Promise<VersionPart> {
  return tx.guideVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      title: true,
      sections: { select: { key: true, title: true, kind: true, blocks: true, citedRefKeys: true, keyPoint: true, lockReason: true, redFlag: true, required: true } },
      references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
    },
  });
}

/**
 * A stored handout as it would be shown now, read from the database: its own row, its guide version's
 * sections in the order it stored (a key the version no longer has is left out, as the page leaves it out),
 * the version's references, and the SHA-256 kept beside each picture the sections show; with its seal and
 * its PDF's page count. Scoped to the clinic in the where-clause. `versions` lets a caller that reads many
 * handouts (the backfill) read each guide version once.
 */
export async function findPrintedRecord(clinicId: string, handoutId: string, tx: Tx = db, versions?: Map<string, Promise<VersionPart>>) {
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
      pdf: { select: { pages: true } },
      seal: { select: { version: true, sha256: true } },
    },
  });
  if (!h) return null;
  let version = versions?.get(h.guideVersionId);
  if (!version) {
    version = loadVersion(tx, h.guideVersionId);
    versions?.set(h.guideVersionId, version);
  }
  const { title: guideTitle, sections: all, references } = await version;
  const byKey = new Map(all.map((s) => [s.key, s]));
  const sections = h.sectionKeys.flatMap((key) => {
    const s = byKey.get(key);
    return s ? [{ key: s.key, title: s.title, kind: s.kind, blocks: readBlocks(s.blocks), citedRefKeys: s.citedRefKeys, warning: isWarningSection(s), ...(s.keyPoint ? { keyPoint: s.keyPoint } : {}) }] : [];
  });
  const ids = [...new Set(sections.flatMap((s) => imageIdsIn(s.blocks)))];
  // The clinic's own published pictures, and the shared library's (clinicId null).
  const pictures = ids.length ? await tx.guideImage.findMany({ where: { id: { in: ids }, OR: [{ clinicId }, { clinicId: null }], draftId: null }, select: { id: true, sha256: true } }) : [];
  const record: PrintedRecord = {
    title: h.title,
    guideTitle,
    createdAt: h.createdAt.toISOString(),
    preparedFor: h.preparedFor,
    followUpDate: h.followUpDate?.toISOString().slice(0, 10) ?? null,
    notes: h.notes,
    sections,
    references,
    contact: readContact(h.contact),
    options: readOptions(h.options),
    branding: readBranding(h.branding),
    pictures: Object.fromEntries(pictures.map((p) => [p.id, p.sha256])),
  };
  return { record, seal: h.seal, pages: h.pdf?.pages ?? null };
}

/**
 * Seals every handout that has none: those made before seals existed (every handout made since is sealed in
 * its own transaction). Run by `npm run db:migrate` (lib/cli/seal-handouts.ts). It can only seal what the
 * handout shows today: the triggers kept that from changing for the app role, not for a table owner.
 */
export async function sealUnsealedHandouts(tx: Tx, batch = 500): Promise<number> {
  const versions = new Map<string, Promise<VersionPart>>();
  let sealed = 0;
  let after = "";
  for (;;) {
    const rows = await tx.handout.findMany({ where: { id: { gt: after }, seal: { is: null } }, orderBy: { id: "asc" }, take: batch, select: { id: true, clinicId: true } });
    if (rows.length === 0) return sealed;
    for (const row of rows) {
      const found = await findPrintedRecord(row.clinicId, row.id, tx, versions);
      if (!found) continue;
      const { count } = await tx.handoutSeal.createMany({ data: [{ handoutId: row.id, version: SEAL_VERSION, sha256: sealOf(found.record) }], skipDuplicates: true });
      sealed += count;
    }
    after = rows.at(-1)!.id;
    // Guide versions are shared by many handouts, but not across every batch: keep the memory bounded.
    if (versions.size > 1000) versions.clear();
  }
}
