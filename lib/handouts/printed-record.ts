import "server-only";
import { db, type Tx } from "@/lib/db";
import { findStoredHandout } from "@/lib/handouts/stored-handout";
import { printedFromStored, type StoredVersion } from "@/lib/handouts/printed/from-stored";
import { printedRecordOf, SEAL_VERSION, sealOf } from "@/lib/handouts/seal";

/**
 * A stored handout as it would be shown now (lib/handouts/stored-handout.ts, printedFromStored), what its
 * seal covers of that, its seal, and its PDF's page count. The patient page shows `printed` only while
 * `record` matches `seal`. No link: the page is the link, and the seal does not cover it.
 */
export async function findPrintedRecord(
  clinicId: string,
  handoutId: string,
  tx: Tx = db,
  versions?: Map<string, Promise<StoredVersion>>,
) {
  const stored = await findStoredHandout(clinicId, handoutId, tx, versions);
  if (!stored) return null;
  const printed = printedFromStored(stored.row, stored.version, { pictures: stored.pictures, link: null });
  return { printed, record: printedRecordOf(printed), seal: stored.seal, pages: stored.pages };
}

/**
 * Seals every handout that has none: those made before seals existed (every handout made since is sealed in
 * its own transaction). Run by `npm run db:migrate` (lib/cli/seal-handouts.ts). It can only seal what the
 * handout shows today: the triggers kept that from changing for the app role, not for a table owner.
 */
export async function sealUnsealedHandouts(tx: Tx, batch = 500): Promise<number> {
  const versions = new Map<string, Promise<StoredVersion>>();
  let sealed = 0;
  let after = "";
  for (;;) {
    const rows = await tx.handout.findMany({
      where: { id: { gt: after }, seal: { is: null } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, clinicId: true },
    });
    if (rows.length === 0) return sealed;
    for (const row of rows) {
      const found = await findPrintedRecord(row.clinicId, row.id, tx, versions);
      if (!found) continue;
      const { count } = await tx.handoutSeal.createMany({
        data: [{ handoutId: row.id, version: SEAL_VERSION, sha256: sealOf(found.record) }],
        skipDuplicates: true,
      });
      sealed += count;
    }
    after = rows.at(-1)!.id;
    // Guide versions are shared by many handouts, but not across every batch: keep the memory bounded.
    if (versions.size > 1000) versions.clear();
  }
}
