// The chart copy of a stored handout as a FHIR R4 DocumentReference: the stored PDF's exact bytes, their SHA-1
// in attachment.hash (R4 requires base64 SHA-1) and the handout's id and SHA-256 as identifiers under the
// portal's own systems, so a retry finds it (If-None-Exist) and anyone can check it against what the patient got.
import crypto from "node:crypto";
import type { DocumentReference, Reference } from "fhir/r4";
import { CLINICAL_NOTE, EDUCATION_NOTE } from "./codes";
import { type ChartContext, type ChartHandout, type ChartPdf, identifierSystems } from "./inputs";

export type AttachmentMode =
  /** The bytes inline, base64 (the default: one resource, what Epic's and Oracle's note APIs take). */
  | { kind: "inline" }
  /** A URL to a Binary holding the bytes (e.g. "Binary/<id>", or a Bundle entry's urn:uuid). */
  | { kind: "url"; url: string };

/** R4 Attachment.hash: base64 of the SHA-1 of the bytes. */
export const attachmentHash = (bytes: Uint8Array) => crypto.createHash("sha1").update(bytes).digest("base64");

/** The If-None-Exist query that finds this handout's DocumentReference. */
export function documentQuery(handoutId: string, portalBaseUrl: string): string {
  return `identifier=${identifierSystems(portalBaseUrl).handoutId}|${handoutId}`;
}

export function documentReferenceFor(
  handout: ChartHandout,
  pdf: ChartPdf,
  ctx: ChartContext,
  attachment: AttachmentMode = { kind: "inline" },
): DocumentReference {
  const systems = identifierSystems(ctx.portalBaseUrl);
  const author: Reference[] = ctx.author
    ? [{ reference: ctx.author }]
    : ctx.authorName
      ? [{ display: ctx.authorName }]
      : [];
  return {
    resourceType: "DocumentReference",
    identifier: [
      { system: systems.handoutId, value: handout.id },
      { system: systems.handoutSha256, value: pdf.sha256 },
    ],
    status: "current",
    docStatus: "final",
    type: { coding: [EDUCATION_NOTE], text: "Patient education handout" },
    category: [{ coding: [CLINICAL_NOTE] }],
    ...(ctx.patient ? { subject: { reference: ctx.patient } } : {}),
    date: handout.createdAt.toISOString(),
    ...(author.length ? { author } : {}),
    custodian: { display: ctx.clinicName },
    description: `Patient handout "${handout.title}" from ${ctx.clinicName}`,
    content: [
      {
        attachment: {
          contentType: "application/pdf",
          ...(attachment.kind === "inline"
            ? { data: Buffer.from(pdf.bytes).toString("base64") }
            : { url: attachment.url }),
          size: pdf.bytes.length,
          hash: attachmentHash(pdf.bytes),
          title: handout.title,
          creation: pdf.createdAt.toISOString(),
        },
      },
    ],
    ...(ctx.encounter ? { context: { encounter: [{ reference: ctx.encounter }] } } : {}),
  };
}

/** The filed DocumentReference after the handout was voided: the same resource (id kept), entered in error. */
export function enteredInError(docRef: DocumentReference): DocumentReference {
  return { ...docRef, status: "entered-in-error" };
}
