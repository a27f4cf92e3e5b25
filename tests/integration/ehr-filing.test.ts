// Filing handouts to the chart of the test EHR (tests/support/test-ehr.ts): the DocumentReference carries the
// stored PDF's exact bytes, a retry never makes a second one, the EHR's faults are retried or shown, an email
// sent files a Communication and a void marks the DocumentReference entered-in-error.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Communication, DocumentReference } from "@medplum/fhirtypes";
import { createClinicWithMembers, createHandoutRecord } from "@/prisma/seed/factories";
import { saveEhrSettings, findConnection, registrationUrls } from "@/lib/ehr/connection";
import { startLaunch } from "@/lib/ehr/launch-start";
import { completeLaunch } from "@/lib/ehr/callback";
import { linkEhrUser } from "@/lib/ehr/identity";
import { fileToChart, findChartFilings } from "@/lib/ehr/chart-status";
import { claimNextFiling, processFiling } from "@/lib/ehr/filing";
import { voidHandout } from "@/lib/handouts/mutations";
import { requestDelivery } from "@/lib/deliveries/mutations";
import { claimNextDelivery, processDelivery } from "@/lib/deliveries/send";
import { startScriptedSmtp } from "../support/smtp-faults";
import { startTestEhr, type TestEhr } from "../support/test-ehr";
import { fhirErrors } from "../support/fhir-definitions";
import { act, db, info } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
let ehr: TestEhr;
beforeAll(async () => {
  ehr = await startTestEhr();
});
afterAll(() => ehr.stop());

/** A connected clinic whose clinician has opened the seeded patient from the EHR, and a stored handout. */
async function openedPatient() {
  const c = await createClinicWithMembers(db);
  const clientId = `portal-${c.clinic.id}`;
  await act(c.owner.id, c.clinic.id, saveEhrSettings, {
    fhirBaseUrl: ehr.issuer,
    clientId,
    authMethod: "private_key_jwt",
    clientSecret: undefined,
    preparedFor: "initials",
  });
  const conn = (await findConnection({ clinicId: c.clinic.id }))!;
  const { redirectUri, launchUrl } = registrationUrls(conn.id);
  ehr.registerClient({ clientId, redirectUris: [redirectUri], jwks: { keys: [conn.publicJwk as object] } });
  const url = new URL(ehr.launch(launchUrl, { encounter: ehr.seeded.encounterId }));
  const started = await startLaunch(
    conn.id,
    { iss: url.searchParams.get("iss"), launch: url.searchParams.get("launch") },
    info,
  );
  if (!started.ok) throw new Error(started.reason);
  const outcome = await completeLaunch((await ehr.signIn(started.url, redirectUri)).search, started.flowCookie, info);
  if (outcome.kind !== "link") throw new Error(outcome.kind);
  await act(c.clinician.id, c.clinic.id, linkEhrUser, outcome.linkToken);
  const handout = await createHandoutRecord(db, c.clinic.id, c.clinician.id, PDF);
  return { ...c, handout };
}

async function drainFilings(clinicId: string, rounds = 20) {
  const outcomes: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const job = await claimNextFiling({ clinicId });
    if (!job) break;
    outcomes.push(await processFiling(job));
  }
  return outcomes;
}

const dueNow = (clinicId: string) =>
  db.chartFiling.updateMany({ where: { clinicId, status: "QUEUED" }, data: { nextAttemptAt: new Date() } });

const documentsOf = (handoutId: string) =>
  ehr.searchResources<DocumentReference>("DocumentReference", { identifier: handoutId });

describe("filing a handout to the chart", () => {
  it("files one DocumentReference with the stored PDF's exact bytes and a correct SHA-1, however often it is retried", async () => {
    const s = await openedPatient();
    await act(s.clinician.id, s.clinic.id, fileToChart, s.handout.id);
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    // Three more attempts at the same filing (a retry after a timeout whose request did arrive).
    for (let i = 0; i < 3; i++) {
      await db.chartFiling.updateMany({
        where: { handoutId: s.handout.id },
        data: { status: "QUEUED", nextAttemptAt: new Date() },
      });
      expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    }
    const docs = await documentsOf(s.handout.id);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    const bytes = Buffer.from(doc.content[0]!.attachment.data!, "base64");
    const stored = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: s.handout.id } });
    expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(stored.sha256);
    expect(doc.content[0]!.attachment.hash).toBe(crypto.createHash("sha1").update(bytes).digest("base64"));
    expect(doc).toMatchObject({
      status: "current",
      docStatus: "final",
      subject: { reference: `Patient/${ehr.seeded.patientId}` },
      context: { encounter: [{ reference: `Encounter/${ehr.seeded.encounterId}` }] },
    });
    expect(fhirErrors(doc)).toEqual([]);
    const [row] = await act(s.clinician.id, s.clinic.id, findChartFilings, s.handout.id);
    expect(row).toMatchObject({ key: "document", status: "FILED", resourceRef: `DocumentReference/${doc.id}` });
  });

  it("the EHR down is retried, a 4xx is shown with its reason, an expired token is refreshed", async () => {
    const s = await openedPatient();
    await act(s.clinician.id, s.clinic.id, fileToChart, s.handout.id);
    ehr.faults.failNext(1, 503);
    expect(await drainFilings(s.clinic.id)).toEqual(["retry"]);
    ehr.faults.expireTokens();
    await dueNow(s.clinic.id);
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    expect(await documentsOf(s.handout.id)).toHaveLength(1);

    const other = await createHandoutRecord(db, s.clinic.id, s.clinician.id, PDF);
    await act(s.clinician.id, s.clinic.id, fileToChart, other.id);
    ehr.faults.failNext(1, 422, {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "business-rule", diagnostics: "Document type not allowed here" }],
    });
    expect(await drainFilings(s.clinic.id)).toEqual(["failed"]);
    const [failed] = await act(s.clinician.id, s.clinic.id, findChartFilings, other.id);
    expect(failed).toMatchObject({ status: "FAILED" });
    expect(failed!.lastError).toContain("Document type not allowed here");
    // "Try filing again" queues it as it was.
    await act(s.clinician.id, s.clinic.id, fileToChart, other.id);
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
  });

  it("an email sent files a Communication; a void marks the DocumentReference entered-in-error", async () => {
    const s = await openedPatient();
    await act(s.clinician.id, s.clinic.id, fileToChart, s.handout.id);
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    const smtp = await startScriptedSmtp(() => undefined);
    try {
      await act(s.clinician.id, s.clinic.id, requestDelivery, {
        recipient: "jane.patient@example.com",
        message: "",
        consent: "yes" as const,
        idempotencyKey: crypto.randomUUID().replace(/-/g, ""),
        handoutId: s.handout.id,
      });
      const job = (await claimNextDelivery({ clinicId: s.clinic.id }))!;
      expect(await processDelivery(job, smtp.url)).toBe("sent");
    } finally {
      await smtp.close();
    }
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    const [doc] = await documentsOf(s.handout.id);
    const comms = await ehr.searchResources<Communication>("Communication", {
      subject: `Patient/${ehr.seeded.patientId}`,
    });
    const mine = comms.filter((c) =>
      c.payload?.some((p) => p.contentReference?.reference === `DocumentReference/${doc!.id}`),
    );
    expect(mine).toHaveLength(1);
    expect(fhirErrors(mine[0]!)).toEqual([]);
    expect(JSON.stringify(mine[0])).not.toContain("jane.patient");

    await act(s.clinician.id, s.clinic.id, voidHandout, s.handout.id, "Made for the wrong patient.");
    expect(await drainFilings(s.clinic.id)).toEqual(["filed"]);
    const voided = await ehr.read<DocumentReference>("DocumentReference", doc!.id!);
    expect(voided.status).toBe("entered-in-error");
    expect(fhirErrors(voided)).toEqual([]);
    expect(await documentsOf(s.handout.id)).toHaveLength(1);
  });
});
