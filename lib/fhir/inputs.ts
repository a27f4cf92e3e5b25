// What the FHIR builders read: the stored handout's own fields, its stored PDF's bytes, and its email
// deliveries, as the database keeps them (only the columns used), plus where the chart copy goes.
import type { Delivery, Handout, HandoutPdf } from "@/lib/generated/prisma/client";

export type ChartHandout = Pick<Handout, "id" | "title" | "preparedFor" | "createdAt">;
/** The stored PDF: its exact bytes (never re-rendered) and the SHA-256 recorded when it was generated. */
export type ChartPdf = Pick<HandoutPdf, "sha256" | "createdAt"> & { bytes: Uint8Array };
export type ChartDelivery = Pick<Delivery, "id" | "mode" | "status" | "sentAt" | "createdAt">;

export type ChartContext = {
  /**
   * The patient: "Patient/<id>" from an EHR launch; undefined outside an EHR (the Bundle then carries a
   * contained Patient holding only the handout's "Prepared for" label, or no subject when it has none).
   */
  patient?: string;
  /** "Practitioner/<id>": the EHR user who launched the portal. */
  author?: string;
  /** A name for the author when there is no Practitioner reference (outside an EHR): the handout's clinician. */
  authorName?: string;
  /** "Encounter/<id>", when the launch had one. */
  encounter?: string;
  /** The portal's own address (APP_URL): the identifier systems are minted under it. */
  portalBaseUrl: string;
  clinicName: string;
};

/** The portal's identifier systems: the chart finds a handout's copy by them (conditional create). */
export function identifierSystems(portalBaseUrl: string) {
  const base = `${portalBaseUrl.replace(/\/+$/, "")}/fhir`;
  return {
    handoutId: `${base}/handout-id`,
    handoutSha256: `${base}/handout-sha256`,
    deliveryId: `${base}/delivery-id`,
  };
}
