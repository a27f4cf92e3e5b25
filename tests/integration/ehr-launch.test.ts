// SMART on FHIR against the test EHR (tests/support/test-ehr.ts, a real oidc-provider and a FHIR R4 server):
// connecting, EHR and standalone launches, linking an EHR user once, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { saveEhrSettings, findConnection, registrationUrls } from "@/lib/ehr/connection";
import { startLaunch } from "@/lib/ehr/launch-start";
import { completeLaunch } from "@/lib/ehr/callback";
import { linkEhrUser } from "@/lib/ehr/identity";
import { findLaunch } from "@/lib/ehr/launches";
import { signInFromEhr } from "@/lib/ehr/sign-in";
import { startTestEhr, BACK_SPASM, type TestEhr } from "../support/test-ehr";
import { act, as, db, info } from "./helpers";

let ehr: TestEhr;
beforeAll(async () => {
  ehr = await startTestEhr();
});
afterAll(() => ehr.stop());

/** A clinic connected to the test EHR by the portal's own key, registered there as its JWKS. */
async function connectedClinic(preparedFor: "initials" | "first-name" | "none" = "initials") {
  const c = await createClinicWithMembers(db);
  const clientId = `portal-${c.clinic.id}`;
  await act(c.owner.id, c.clinic.id, saveEhrSettings, {
    fhirBaseUrl: ehr.issuer,
    clientId,
    authMethod: "private_key_jwt",
    clientSecret: undefined,
    preparedFor,
  });
  const conn = (await findConnection({ clinicId: c.clinic.id }))!;
  ehr.registerClient({
    clientId,
    redirectUris: [registrationUrls(conn.id).redirectUri],
    jwks: { keys: [conn.publicJwk as object] },
  });
  return { ...c, conn };
}

/** The EHR opens the portal for `patient`; the browser goes through the EHR's sign-in and back. */
async function launchFromEhr(connId: string, ctx: Parameters<TestEhr["launch"]>[1] = {}, tamper?: (u: URL) => void) {
  const launchUrl = new URL(ehr.launch(registrationUrls(connId).launchUrl, ctx));
  const started = await startLaunch(
    connId,
    { iss: launchUrl.searchParams.get("iss"), launch: launchUrl.searchParams.get("launch") },
    info,
  );
  if (!started.ok) return { kind: "refused" as const, reason: started.reason };
  const back = await ehr.signIn(started.url, registrationUrls(connId).redirectUri);
  tamper?.(back);
  return completeLaunch(back.search, started.flowCookie, info);
}

describe("SMART launch from the EHR", () => {
  it("asks for a link once, then signs the member in with the patient in context", async () => {
    const s = await connectedClinic();
    const first = await launchFromEhr(s.conn.id, { encounter: ehr.seeded.encounterId });
    expect(first.kind).toBe("link");
    if (first.kind !== "link") return;
    const launchId = await act(s.clinician.id, s.clinic.id, linkEhrUser, first.linkToken);
    const linked = await db.ehrIdentity.findMany({ where: { clinicId: s.clinic.id } });
    expect(linked).toMatchObject([{ userId: s.clinician.id, fhirUser: `Practitioner/${ehr.seeded.practitionerId}` }]);

    const launch = (await findLaunch(await as(s.clinician.id, s.clinic.id), launchId))!;
    expect(launch.patient).toBe(`Patient/${ehr.seeded.patientId}`);
    expect(launch.encounter).toBe(`Encounter/${ehr.seeded.encounterId}`);
    expect(launch.preparedFor).toMatch(/^[A-Z]\. [A-Z]\.$/);
    expect(launch.conditions).toContainEqual(expect.objectContaining({ code: BACK_SPASM.icd10.code }));

    // The tokens are kept sealed: nothing in the row reads as a token.
    const grant = await db.ehrGrant.findFirstOrThrow({ where: { clinicId: s.clinic.id } });
    expect(grant.accessToken.startsWith("v1.")).toBe(true);
    expect(grant.refreshToken?.startsWith("v1.")).toBe(true);

    const second = await launchFromEhr(s.conn.id);
    expect(second).toMatchObject({ kind: "linked", userId: s.clinician.id, clinicId: s.clinic.id });
    const actions = await db.auditEvent.findMany({ where: { clinicId: s.clinic.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["clinic.ehr_changed", "member.ehr_linked", "ehr.launched"]),
    );
  });

  it("a link cookie opens only for a member of that clinic, and only once", async () => {
    const s = await connectedClinic();
    const other = await createClinicWithMembers(db);
    const first = await launchFromEhr(s.conn.id);
    if (first.kind !== "link") throw new Error(first.kind);
    await expect(act(other.clinician.id, other.clinic.id, linkEhrUser, first.linkToken)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await act(s.clinician.id, s.clinic.id, linkEhrUser, first.linkToken);
    await expect(act(s.admin.id, s.clinic.id, linkEhrUser, first.linkToken)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a linked EHR user who is no longer a member, and audits it", async () => {
    const s = await connectedClinic();
    const first = await launchFromEhr(s.conn.id);
    if (first.kind !== "link") throw new Error(first.kind);
    await act(s.clinician.id, s.clinic.id, linkEhrUser, first.linkToken);
    await db.membership.deleteMany({ where: { clinicId: s.clinic.id, userId: s.clinician.id } });
    expect(await launchFromEhr(s.conn.id)).toEqual({ kind: "refused", reason: "not_member" });
    const refused = await db.auditEvent.findFirst({ where: { clinicId: s.clinic.id, action: "auth.ehr_refused" } });
    expect(refused?.metadata).toMatchObject({ reason: "not_member" });
  });

  it("refuses a launch from another FHIR server, a tampered state, and a launch without this browser's flow", async () => {
    const s = await connectedClinic();
    const forged = await startLaunch(s.conn.id, { iss: "https://evil.example/fhir", launch: "x" }, info);
    expect(forged).toEqual({ ok: false, reason: "iss_mismatch" });
    expect(await startLaunch("c0000000000000000000nope", { iss: ehr.issuer, launch: "x" }, info)).toEqual({
      ok: false,
      reason: "not_configured",
    });
    const tampered = await launchFromEhr(s.conn.id, {}, (u) => u.searchParams.set("state", "forged-state"));
    expect(tampered).toEqual({ kind: "refused", reason: "state_mismatch" });
    expect(await completeLaunch("?code=x&state=y", undefined, info)).toEqual({ kind: "refused", reason: "no_flow" });
    expect(await db.ehrLaunch.count({ where: { clinicId: s.clinic.id } })).toBe(0);
  });

  it("a patient without conditions gets no suggestions and nothing breaks; 'Prepared for' follows the setting", async () => {
    const s = await connectedClinic("none");
    const first = await launchFromEhr(s.conn.id, { patient: ehr.seeded.patientNoConditionsId });
    if (first.kind !== "link") throw new Error(first.kind);
    const launchId = await act(s.clinician.id, s.clinic.id, linkEhrUser, first.linkToken);
    const launch = (await findLaunch(await as(s.clinician.id, s.clinic.id), launchId))!;
    expect(launch).toMatchObject({ conditions: [], preparedFor: null });
  });

  it("a huge or malformed answer from the EHR is refused, not buffered", async () => {
    const s = await connectedClinic();
    ehr.faults.hugeNext();
    const huge = await launchFromEhr(s.conn.id);
    ehr.faults.clear();
    expect(huge).toMatchObject({ kind: "refused" });
    ehr.faults.malformedNext();
    const malformed = await launchFromEhr(s.conn.id);
    ehr.faults.clear();
    expect(malformed).toMatchObject({ kind: "refused" });
  });

  it("refuses to save a FHIR base URL that is not a SMART server, writing nothing", async () => {
    const c = await createClinicWithMembers(db);
    const save = act(c.owner.id, c.clinic.id, saveEhrSettings, {
      fhirBaseUrl: `${ehr.issuer}/nothing-here`,
      clientId: "x",
      authMethod: "private_key_jwt",
      clientSecret: undefined,
      preparedFor: "initials",
    });
    await expect(save).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.ehrConnection.count({ where: { clinicId: c.clinic.id } })).toBe(0);
    await expect(
      act(c.clinician.id, c.clinic.id, saveEhrSettings, {
        fhirBaseUrl: ehr.issuer,
        clientId: "x",
        authMethod: "private_key_jwt",
        clientSecret: undefined,
        preparedFor: "initials",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a standalone launch with a client secret: the EHR asks for the patient, v1 or v2 scopes as the server says", async () => {
    const c = await createClinicWithMembers(db);
    const clientId = `portal-secret-${c.clinic.id}`;
    await act(c.owner.id, c.clinic.id, saveEhrSettings, {
      fhirBaseUrl: ehr.issuer,
      clientId,
      authMethod: "client_secret_basic",
      clientSecret: "a-client-secret-from-the-ehr",
      preparedFor: "first-name",
    });
    const conn = (await findConnection({ clinicId: c.clinic.id }))!;
    expect(conn.clientSecret).not.toContain("a-client-secret");
    ehr.registerClient({
      clientId,
      redirectUris: [registrationUrls(conn.id).redirectUri],
      clientSecret: "a-client-secret-from-the-ehr",
    });
    const started = await startLaunch(conn.id, {}, info);
    if (!started.ok) throw new Error(started.reason);
    expect(new URL(started.url).searchParams.get("scope")).toContain("launch/patient");
    const back = await ehr.signIn(started.url, registrationUrls(conn.id).redirectUri);
    const outcome = await completeLaunch(back.search, started.flowCookie, info);
    if (outcome.kind !== "link") throw new Error(outcome.kind);
    const launchId = await act(c.clinician.id, c.clinic.id, linkEhrUser, outcome.linkToken);
    const launch = (await findLaunch(await as(c.clinician.id, c.clinic.id), launchId))!;
    expect(launch.patient).toBe(`Patient/${ehr.seeded.patientId}`);
    expect(launch.preparedFor).toMatch(/^\p{L}+$/u);
  });

  it("a launch signs in after the portal's second step when the clinic requires one", async () => {
    const s = await connectedClinic();
    await db.clinic.update({ where: { id: s.clinic.id }, data: { requireSecondFactor: true } });
    expect(await signInFromEhr(s.clinician.id, s.clinic.id, null, info)).toMatchObject({ next: "enrol" });
    await db.clinic.update({ where: { id: s.clinic.id }, data: { requireSecondFactor: false } });
    const signedIn = await signInFromEhr(s.clinician.id, s.clinic.id, null, info);
    expect(signedIn.next).toBe("session");
    const session = await db.authSession.findUniqueOrThrow({
      where: { id: (signedIn as { sessionId: string }).sessionId },
    });
    expect(session.ssoClinicId).toBe(s.clinic.id);
  });
});
