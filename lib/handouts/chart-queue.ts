import "server-only";
import type { Tx } from "@/lib/db";

// The queue of things to file to a clinic's EHR (ChartFiling rows; lib/ehr/filing.ts files them). A handout
// made from an EHR launch is queued by Generate; what happens to it later follows its first filing to the
// same chart, in the transaction of the change: an email sent files a Communication, a void sets the
// DocumentReference to entered-in-error. A handout never filed has nothing to follow.

export type ChartTarget = { userId: string; patient: string; encounter: string | null; author: string | null };

/** Queues the handout's DocumentReference for `target`'s chart (once: the key is unique per handout). */
export async function queueChartDocument(tx: Tx, clinicId: string, handoutId: string, target: ChartTarget) {
  await tx.chartFiling.createMany({
    data: [{ clinicId, handoutId, key: "document", ...target }],
    skipDuplicates: true,
  });
}

/** Queues a follow-up ("void", or "communication:<deliveryId>") when the handout was filed or is queued to be. */
export async function queueChartFollowUp(
  tx: Tx,
  clinicId: string,
  handoutId: string,
  key: string,
  deliveryId?: string,
) {
  const first = await tx.chartFiling.findUnique({
    where: { handoutId_key: { handoutId, key: "document" } },
    select: { clinicId: true, userId: true, patient: true, encounter: true, author: true, status: true },
  });
  if (!first || first.clinicId !== clinicId || first.status === "FAILED") return;
  const { status: _status, ...target } = first;
  await tx.chartFiling.createMany({
    data: [{ ...target, handoutId, key, deliveryId: deliveryId ?? null }],
    skipDuplicates: true,
  });
}
