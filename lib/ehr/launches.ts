import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MemberContext } from "@/lib/member-context";
import type { Tx } from "@/lib/db";
import { queueChartDocument } from "@/lib/handouts/chart-queue";
import type { ClinicalCode } from "@/lib/guides/library/codes";

export type EhrLaunchContext = {
  id: string;
  patient: string;
  encounter: string | null;
  fhirUser: string | null;
  preparedFor: string | null;
  conditions: ClinicalCode[];
  createdAt: Date;
};

const select = {
  id: true,
  patient: true,
  encounter: true,
  fhirUser: true,
  preparedFor: true,
  conditions: true,
  createdAt: true,
} as const;

/** A launch of this member in this clinic that has not run out (12 hours), or null. */
export async function findLaunch(ctx: MemberContext, launchId: string): Promise<EhrLaunchContext | null> {
  const row = await db.ehrLaunch.findFirst({
    where: { id: launchId, clinicId: ctx.clinic.id, userId: ctx.user.id, expiresAt: { gt: new Date() } },
    select,
  });
  return row && { ...row, conditions: row.conditions as ClinicalCode[] };
}

export async function requireLaunch(ctx: MemberContext, launchId: string): Promise<EhrLaunchContext> {
  const launch = await findLaunch(ctx, launchId);
  if (!launch)
    throw new AppError(
      "NOT_FOUND",
      "This patient from the EHR is no longer open here (12 hours). Launch the portal from the chart again.",
    );
  return launch;
}

/** The member's latest launch that has not run out: the patient "File to chart" files an older handout for. */
export async function findLatestLaunch(ctx: MemberContext): Promise<EhrLaunchContext | null> {
  const row = await db.ehrLaunch.findFirst({
    where: { clinicId: ctx.clinic.id, userId: ctx.user.id, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select,
  });
  return row && { ...row, conditions: row.conditions as ClinicalCode[] };
}

/**
 * For Generate from a builder opened for a patient from the EHR: queues the new handout's filing to that
 * patient's chart in Generate's own transaction. The launch may have run out since the builder opened (a
 * draft lives 7 days): its chart and the member's tokens are what count, and the filing says if those fail.
 */
export async function chartFilingAfterGenerate(ctx: MemberContext, launchId: string | undefined) {
  if (!launchId) return undefined;
  const launch = await db.ehrLaunch.findFirst({
    where: { id: launchId, clinicId: ctx.clinic.id, userId: ctx.user.id },
    select: { patient: true, encounter: true, fhirUser: true },
  });
  if (!launch) return undefined;
  const target = { userId: ctx.user.id, patient: launch.patient, encounter: launch.encounter, author: launch.fhirUser };
  return (tx: Tx, handout: { id: string }) => queueChartDocument(tx, ctx.clinic.id, handout.id, target);
}
