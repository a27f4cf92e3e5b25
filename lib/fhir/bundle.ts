// "Download for the chart": a handout's DocumentReference and its emails' Communications as one FHIR R4
// transaction Bundle, for an EHR that imports files or an interface engine that posts it. Conditional creates
// (If-None-Exist on the portal's identifiers) make posting it twice file nothing twice, and the same handout
// always gives the same Bundle (the entries' urn:uuids come from the handout and delivery ids).
import crypto from "node:crypto";
import type { Bundle, BundleEntry, FhirResource, Patient, Reference } from "fhir/r4";
import { communicationFor, communicationQuery } from "./communication";
import { documentQuery, documentReferenceFor, enteredInError } from "./document-reference";
import type { ChartContext, ChartDelivery, ChartHandout, ChartPdf } from "./inputs";

/** A UUID (version 8, RFC 9562) derived from `name`: the same name always gives the same one. */
export function stableUuid(name: string): string {
  const h = crypto.createHash("sha256").update(`handout-portal:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Outside an EHR there is no Patient to point at: each resource carries a contained Patient holding only the
 * handout's "Prepared for" label (initials by default) as its name, for whoever imports the file to match;
 * nothing the handout does not hold. No label: no subject.
 */
function placeholderPatient(handout: ChartHandout): { contained: Patient[]; ref: Reference } | undefined {
  if (!handout.preparedFor) return undefined;
  return {
    contained: [{ resourceType: "Patient", id: "patient", name: [{ text: handout.preparedFor }] }],
    ref: { reference: "#patient" },
  };
}

export type ChartBundleInput = {
  handout: ChartHandout;
  pdf: ChartPdf;
  deliveries: ChartDelivery[];
  ctx: ChartContext;
  /** The bytes in a Binary entry the DocumentReference points at, instead of inline (default false). */
  binary?: boolean;
  /** The handout was voided: its DocumentReference goes as entered-in-error. */
  voided?: boolean;
};

export function chartBundle({
  handout,
  pdf,
  deliveries,
  ctx,
  binary = false,
  voided = false,
}: ChartBundleInput): Bundle<FhirResource> {
  const docUrl = `urn:uuid:${stableUuid(`document-reference:${handout.id}`)}`;
  const binaryUrl = `urn:uuid:${stableUuid(`binary:${handout.id}`)}`;
  const placeholder = ctx.patient ? undefined : placeholderPatient(handout);
  const withPatient = <T extends FhirResource>(resource: T): T =>
    placeholder ? ({ ...resource, contained: placeholder.contained } as T) : resource;

  const entries: BundleEntry<FhirResource>[] = [];
  if (binary) {
    entries.push({
      fullUrl: binaryUrl,
      resource: {
        resourceType: "Binary",
        contentType: "application/pdf",
        data: Buffer.from(pdf.bytes).toString("base64"),
      },
      request: { method: "POST", url: "Binary" },
    });
  }
  const made = documentReferenceFor(handout, pdf, ctx, binary ? { kind: "url", url: binaryUrl } : { kind: "inline" });
  const doc = voided ? enteredInError(made) : made;
  entries.push({
    fullUrl: docUrl,
    resource: withPatient(placeholder ? { ...doc, subject: placeholder.ref } : doc),
    request: { method: "POST", url: "DocumentReference", ifNoneExist: documentQuery(handout.id, ctx.portalBaseUrl) },
  });
  for (const delivery of [...deliveries].sort((a, b) => +a.createdAt - +b.createdAt || a.id.localeCompare(b.id))) {
    entries.push({
      fullUrl: `urn:uuid:${stableUuid(`communication:${delivery.id}`)}`,
      resource: withPatient(communicationFor(delivery, docUrl, ctx, placeholder?.ref)),
      request: {
        method: "POST",
        url: "Communication",
        ifNoneExist: communicationQuery(delivery.id, ctx.portalBaseUrl),
      },
    });
  }
  return { resourceType: "Bundle", type: "transaction", entry: entries };
}
