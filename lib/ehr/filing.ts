import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/mutations";
import { claimNext, retryDelay } from "@/lib/email/outbox";
import { Prisma } from "@/lib/generated/prisma/client";
import { findConnection, type Connection } from "@/lib/ehr/connection";
import { FhirHttpError, fhirFetch } from "@/lib/ehr/fhir-http";
import { accessTokenFor, GrantGone } from "@/lib/ehr/grants";
import { chartResources, type ChartResource } from "@/lib/ehr/chart-resources";

export type ClaimedFiling = {
  id: string;
  clinicId: string;
  handoutId: string;
  key: string;
  userId: string;
  patient: string;
  encounter: string | null;
  author: string | null;
  deliveryId: string | null;
  attempts: number;
};

// A filing gives up after this many attempts (with the outbox's backoff: about two hours in all), or at once
// when the EHR refuses it (a 4xx other than 408/429): the reason is shown on the handout.
const MAX_ATTEMPTS = 10;

/** Claims the next due filing (or one whose worker's lease ran out). */
export function claimNextFiling(opts: { clinicId?: string } = {}): Promise<ClaimedFiling | null> {
  return claimNext<ClaimedFiling>(
    "ChartFiling",
    Prisma.sql`"id", "clinicId", "handoutId", "key", "userId", "patient", "encounter", "author", "deliveryId", "attempts"`,
    opts.clinicId ? Prisma.sql`"clinicId" = ${opts.clinicId}` : undefined,
  );
}

/**
 * One attempt at a claimed filing. The resource is created conditionally (If-None-Exist on the portal's
 * identifier of the handout or the email), so an attempt repeated after a crash, or a retry after a timeout
 * whose request did arrive, finds what the first made instead of making a second. State changes are fenced
 * by the attempt number, like the email outbox's.
 */
export async function processFiling(job: ClaimedFiling): Promise<"filed" | "retry" | "failed" | "waiting"> {
  const fence = { id: job.id, status: "SENDING" as const, attempts: job.attempts };
  const conn = await findConnection({ clinicId: job.clinicId });
  if (!conn) return fail(job, fence, "The clinic disconnected its EHR.");
  try {
    const resource = await chartResources(job);
    if (resource.kind === "skip") return fail(job, fence, resource.reason);
    if (resource.kind === "wait") {
      // A Communication or a void waits for the DocumentReference it refers to.
      await db.chartFiling.updateMany({
        where: fence,
        data: {
          status: "QUEUED",
          leaseUntil: null,
          attempts: { decrement: 1 },
          nextAttemptAt: new Date(Date.now() + 30_000),
        },
      });
      return "waiting";
    }
    const ref = await send(conn, job.userId, resource);
    await db.$transaction(async (tx) => {
      const { count } = await tx.chartFiling.updateMany({
        where: fence,
        data: { status: "FILED", resourceRef: ref, filedAt: new Date(), lastError: null, leaseUntil: null },
      });
      if (count === 1)
        await recordAudit(
          {
            action: "chart.filed",
            clinicId: job.clinicId,
            actorId: job.userId,
            targetType: "handout",
            targetId: job.handoutId,
            metadata: { key: job.key, resource: ref, patient: job.patient },
          },
          tx,
        );
    });
    return "filed";
  } catch (err) {
    if (err instanceof GrantGone) return fail(job, fence, err.message);
    if (!(err instanceof FhirHttpError)) throw err;
    if (!err.retryable || job.attempts >= MAX_ATTEMPTS) return fail(job, fence, err.message);
    await db.chartFiling.updateMany({
      where: fence,
      data: {
        status: "QUEUED",
        lastError: err.message,
        leaseUntil: null,
        nextAttemptAt: new Date(Date.now() + retryDelay(job.attempts, env().DELIVERY_RETRY_BASE_MS)),
      },
    });
    return "retry";
  }
}

/** Sends one resource with the member's token, refreshed once if the EHR says it ran out; its reference. */
async function send(conn: Connection, userId: string, resource: Extract<ChartResource, { kind: "create" | "update" }>) {
  const request = async (token: string) =>
    resource.kind === "create"
      ? fhirFetch(`${conn.fhirBaseUrl}/${resource.type}`, {
          method: "POST",
          token,
          body: resource.body,
          headers: { "if-none-exist": resource.ifNoneExist, prefer: "return=representation" },
        })
      : fhirFetch(`${conn.fhirBaseUrl}/${resource.ref}`, { method: "PUT", token, body: resource.body });
  let reply;
  try {
    reply = await request(await accessTokenFor(conn, userId));
  } catch (err) {
    if (!(err instanceof FhirHttpError && err.status === 401)) throw err;
    reply = await request(await accessTokenFor(conn, userId, true));
  }
  if (resource.kind === "update") return resource.ref;
  const id = (reply.body as { id?: unknown } | null)?.id;
  const fromLocation = reply.location && /([A-Za-z]+\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(reply.location)?.[1];
  const ref = typeof id === "string" ? `${resource.type}/${id}` : fromLocation;
  if (!ref) throw new FhirHttpError("The EHR accepted the resource but did not say its id.", "format");
  return ref;
}

async function fail(job: ClaimedFiling, fence: object, reason: string): Promise<"failed"> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.chartFiling.updateMany({
      where: fence,
      data: { status: "FAILED", lastError: reason.slice(0, 500), leaseUntil: null },
    });
    if (count === 1)
      await recordAudit(
        {
          action: "chart.failed",
          clinicId: job.clinicId,
          actorId: job.userId,
          targetType: "handout",
          targetId: job.handoutId,
          metadata: { key: job.key, reason: reason.slice(0, 300), attempts: job.attempts },
        },
        tx,
      );
  });
  return "failed";
}
