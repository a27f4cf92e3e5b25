import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import type { MemberContext } from "@/lib/member-context";
import { queueChartDocument } from "@/lib/handouts/chart-queue";
import { findLatestLaunch } from "@/lib/ehr/launches";

export type ChartFilingRow = {
  key: string;
  status: "QUEUED" | "SENDING" | "FILED" | "FAILED";
  patient: string;
  resourceRef: string | null;
  lastError: string | null;
  attempts: number;
  filedAt: Date | null;
  updatedAt: Date;
};

/** The handout's filings to the chart, the DocumentReference first (the handout page). */
export async function findChartFilings(ctx: MemberContext, handoutId: string): Promise<ChartFilingRow[]> {
  const rows = await db.chartFiling.findMany({
    where: { clinicId: ctx.clinic.id, handoutId },
    select: {
      key: true,
      status: true,
      patient: true,
      resourceRef: true,
      lastError: true,
      attempts: true,
      filedAt: true,
      updatedAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

/** For the handouts list: the state of each listed handout's DocumentReference filing. */
export async function findChartStates(clinicId: string, handoutIds: string[]) {
  if (!handoutIds.length) return new Map<string, ChartFilingRow["status"]>();
  const rows = await db.chartFiling.findMany({
    where: { clinicId, handoutId: { in: handoutIds }, key: "document" },
    select: { handoutId: true, status: true },
  });
  return new Map(rows.map((r) => [r.handoutId, r.status]));
}

/**
 * "File to chart" for a handout made outside a launch, or whose filing failed: queued for the chart of the
 * patient this member last opened from the EHR (within 12 hours), which the button names. A failed filing is
 * queued again as it was (its patient kept); one already queued or filed is left alone.
 */
export async function fileToChart(ctx: MemberContext, handoutId: string): Promise<{ patient: string }> {
  const handout = await db.handout.findFirst({
    where: { id: handoutId, clinicId: ctx.clinic.id },
    select: { id: true, void: { select: { handoutId: true } } },
  });
  if (!handout) throw new AppError("NOT_FOUND", "Not found.");
  if (handout.void) throw new AppError("CONFLICT", "A void handout is not filed to the chart.");
  const existing = await db.chartFiling.findUnique({
    where: { handoutId_key: { handoutId, key: "document" } },
    select: { id: true, status: true, patient: true },
  });
  if (existing && existing.status !== "FAILED")
    throw new AppError("CONFLICT", "This handout is already filed to the chart, or about to be.");
  const launch = existing ? null : await findLatestLaunch(ctx);
  if (!existing && !launch)
    throw new AppError(
      "CONFLICT",
      "Open the patient from the EHR first (launch the portal from their chart), then file the handout.",
    );
  const patient = existing?.patient ?? launch!.patient;
  await db.$transaction(async (tx) => {
    if (existing)
      await tx.chartFiling.update({
        where: { id: existing.id },
        data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null, userId: ctx.user.id },
      });
    else
      await queueChartDocument(tx, ctx.clinic.id, handoutId, {
        userId: ctx.user.id,
        patient,
        encounter: launch!.encounter,
        author: launch!.fhirUser,
      });
    await auditMember(
      ctx,
      { action: "chart.file_requested", targetType: "handout", targetId: handoutId, metadata: { patient } },
      tx,
    );
  });
  return { patient };
}
