// An email of a handout to the patient as a FHIR R4 Communication: its state, how it went (email; a link-only
// email is read online), when it was sent, and the chart's copy of the handout as its payload. It never
// carries the address or the message: the Delivery row erases them after its retention period.
import type { Communication, Reference } from "fhir/r4";
import { EMAIL, INSTRUCTION, ONLINE } from "./codes";
import { type ChartContext, type ChartDelivery, identifierSystems } from "./inputs";

const STATUS: Record<ChartDelivery["status"], Communication["status"]> = {
  QUEUED: "in-progress",
  SENDING: "in-progress",
  SENT: "completed",
  FAILED: "not-done",
};

/** The If-None-Exist query that finds this delivery's Communication. */
export function communicationQuery(deliveryId: string, portalBaseUrl: string): string {
  return `identifier=${identifierSystems(portalBaseUrl).deliveryId}|${deliveryId}`;
}

/** `documentReference`: "DocumentReference/<id>" once filed, or the Bundle entry's "urn:uuid:…". */
export function communicationFor(
  delivery: ChartDelivery,
  documentReference: string,
  ctx: ChartContext,
  patient: Reference | undefined = ctx.patient ? { reference: ctx.patient } : undefined,
): Communication {
  const status = STATUS[delivery.status];
  return {
    resourceType: "Communication",
    identifier: [{ system: identifierSystems(ctx.portalBaseUrl).deliveryId, value: delivery.id }],
    status,
    ...(status === "not-done" ? { statusReason: { text: "The email could not be delivered" } } : {}),
    category: [{ coding: [INSTRUCTION] }],
    medium: [{ coding: [EMAIL] }, ...(delivery.mode === "LINK" ? [{ coding: [ONLINE] }] : [])],
    ...(patient ? { subject: patient, recipient: [patient] } : {}),
    ...(delivery.sentAt ? { sent: delivery.sentAt.toISOString() } : {}),
    ...(ctx.author ? { sender: { reference: ctx.author } } : {}),
    about: [{ reference: documentReference }],
    payload: [{ contentReference: { reference: documentReference } }],
  };
}
