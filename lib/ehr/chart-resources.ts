import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ClaimedFiling } from "@/lib/ehr/filing";
import { communicationFor, communicationQuery } from "@/lib/fhir/communication";
import { documentQuery, documentReferenceFor, enteredInError } from "@/lib/fhir/document-reference";

export type ChartResource =
  | { kind: "create"; type: "DocumentReference" | "Communication"; body: object; ifNoneExist: string }
  | { kind: "update"; ref: string; body: object }
  // The DocumentReference it refers to is not filed yet: try again shortly.
  | { kind: "wait" }
  // Nothing to file, for the reason given.
  | { kind: "skip"; reason: string };

/** What a filing sends: built from the stored handout (its PDF's bytes as stored, never rendered again). */
export async function chartResources(job: ClaimedFiling): Promise<ChartResource> {
  const handout = await db.handout.findFirst({
    where: { id: job.handoutId, clinicId: job.clinicId },
    select: {
      id: true,
      title: true,
      preparedFor: true,
      createdAt: true,
      clinic: { select: { name: true } },
      pdf: { select: { bytes: true, sha256: true, createdAt: true } },
      void: { select: { createdAt: true } },
    },
  });
  if (!handout?.pdf) return { kind: "skip", reason: "The handout is no longer stored." };
  const ctx = {
    patient: job.patient,
    author: job.author ?? undefined,
    encounter: job.encounter ?? undefined,
    portalBaseUrl: env().APP_URL,
    clinicName: handout.clinic.name,
  };
  const pdf = { ...handout.pdf, bytes: new Uint8Array(handout.pdf.bytes) };
  if (job.key === "document") {
    if (handout.void) return { kind: "skip", reason: "The handout was voided before it was filed." };
    return {
      kind: "create",
      type: "DocumentReference",
      body: documentReferenceFor(handout, pdf, ctx),
      ifNoneExist: documentQuery(handout.id, ctx.portalBaseUrl),
    };
  }
  const document = await db.chartFiling.findUnique({
    where: { handoutId_key: { handoutId: job.handoutId, key: "document" } },
    select: { status: true, resourceRef: true },
  });
  if (document?.status === "QUEUED" || document?.status === "SENDING") return { kind: "wait" };
  if (document?.status !== "FILED" || !document.resourceRef)
    return { kind: "skip", reason: "The handout itself was not filed to the chart." };
  if (job.key === "void") {
    const body = { ...documentReferenceFor(handout, pdf, ctx), id: document.resourceRef.split("/")[1] };
    return { kind: "update", ref: document.resourceRef, body: enteredInError(body) };
  }
  const delivery = job.deliveryId
    ? await db.delivery.findFirst({
        where: { id: job.deliveryId, clinicId: job.clinicId, status: "SENT" },
        select: { id: true, mode: true, status: true, sentAt: true, createdAt: true },
      })
    : null;
  if (!delivery) return { kind: "skip", reason: "The email was not sent." };
  return {
    kind: "create",
    type: "Communication",
    body: communicationFor(delivery, document.resourceRef, ctx),
    ifNoneExist: communicationQuery(delivery.id, ctx.portalBaseUrl),
  };
}
