// The test EHR (tests/support/test-ehr.ts) does what the portal's SMART client will rely on: discovery, an EHR
// launch and a standalone launch with PKCE and private_key_jwt done with plain fetch, the launch context in
// the token response, FHIR with and without the token, scopes, conditional create, and its faults.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Communication } from "@medplum/fhirtypes";
import { BACK_SPASM, type LaunchContext, startTestEhr, type TestEhr } from "../support/test-ehr";
import { type SmartClient, startSmartClient, type TokenResponse } from "../support/test-ehr/smart-client";

type Token = TokenResponse;

let ehr: TestEhr;
let client: SmartClient;
let config: { authorization_endpoint: string; token_endpoint: string; [k: string]: unknown };
let REDIRECT: string;

beforeAll(async () => {
  ehr = await startTestEhr();
  client = await startSmartClient(ehr, "portal");
  REDIRECT = client.redirectUri;
  ehr.registerClient({
    clientId: "portal-secret",
    redirectUris: [REDIRECT],
    clientSecret: "s3cret-s3cret-s3cret-s3cret",
  });
});

afterAll(async () => {
  await client?.stop();
  await ehr?.stop();
});

const authorizeUrl = (params: Record<string, string>) => client.authorizeUrl(params);
const ehrLaunchToken = (scope: string, ctx: LaunchContext = {}) => client.launchToken(scope, ctx);
const fhir = (path: string, token?: string, init: RequestInit = {}) => client.fhir(path, token, init);
const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));

const WRITE_SCOPE =
  "launch openid fhirUser offline_access patient/Patient.rs patient/Condition.rs patient/DocumentReference.cruds patient/Communication.c";

describe("test EHR", { timeout: 20_000 }, () => {
  it("publishes SMART discovery and a CapabilityStatement", async () => {
    const res = await fetch(`${ehr.issuer}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    config = await res.json();
    expect(config.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["private_key_jwt", "client_secret_basic"]),
    );
    expect(config.code_challenge_methods_supported).toEqual(["S256"]);
    expect(config.capabilities).toEqual(
      expect.arrayContaining(["launch-ehr", "launch-standalone", "client-confidential-asymmetric", "permission-v2"]),
    );
    const oidc = await (await fetch(`${ehr.authServer}/.well-known/openid-configuration`)).json();
    expect(oidc.authorization_endpoint).toBe(config.authorization_endpoint);
    const meta = await (await fetch(`${ehr.issuer}/metadata`)).json();
    expect(meta.resourceType).toBe("CapabilityStatement");
    expect(meta.fhirVersion).toBe("4.0.1");
  });

  it("EHR launch: code flow with PKCE and private_key_jwt gives patient, encounter, fhirUser and a refresh token", async () => {
    const token = await ehrLaunchToken(WRITE_SCOPE, { encounter: ehr.seeded.encounterId });
    expect(token.patient).toBe(ehr.seeded.patientId);
    expect(token.encounter).toBe(ehr.seeded.encounterId);
    expect(token.scope.split(" ")).toEqual(expect.arrayContaining(["patient/DocumentReference.cruds", "launch"]));
    expect(typeof token.refresh_token).toBe("string");
    const idToken = decodeJwt(token.id_token as string);
    expect(idToken.fhirUser).toBe(`Practitioner/${ehr.seeded.practitionerId}`);
    expect(idToken.iss).toBe(ehr.authServer);

    const patient = await fhir(`Patient/${ehr.seeded.patientId}`, token.access_token);
    expect(patient.status).toBe(200);
    const conditions = await (await fhir(`Condition?patient=${ehr.seeded.patientId}`, token.access_token)).json();
    expect(conditions.entry[0].resource.code.coding).toContainEqual(BACK_SPASM.icd10);
    // A patient/ token is held to its patient.
    expect((await fhir(`Patient/${ehr.seeded.patientNoConditionsId}`, token.access_token)).status).toBe(403);

    // Refreshed, the launch context comes again.
    const again = await (
      await client.token({ grant_type: "refresh_token", refresh_token: token.refresh_token as string })
    ).json();
    expect(again.patient).toBe(ehr.seeded.patientId);
    expect((await fhir(`Patient/${ehr.seeded.patientId}`, again.access_token)).status).toBe(200);
  });

  it("refuses a wrong aud, an unknown launch and a request without PKCE", async () => {
    for (const params of [{ aud: "http://127.0.0.1:1/fhir" }, { launch: "no-such-launch" }] as Record<
      string,
      string
    >[]) {
      const { url } = authorizeUrl({ scope: WRITE_SCOPE, launch: "x", ...params });
      const back = await ehr.signIn(url, REDIRECT);
      expect(back.searchParams.get("error")).toBe("invalid_request");
    }
    const { url } = authorizeUrl({ scope: "openid" });
    const noPkce = new URL(url);
    noPkce.searchParams.delete("code_challenge");
    noPkce.searchParams.delete("code_challenge_method");
    expect((await ehr.signIn(noPkce.href, REDIRECT)).searchParams.get("error")).toBe("invalid_request");
  });

  it("standalone launch: the sign-in form, launch/patient picks the seeded patient, v1 scopes and a client secret", async () => {
    const { url, verifier } = authorizeUrl({
      client_id: "portal-secret",
      scope: "launch/patient openid fhirUser patient/*.read patient/DocumentReference.write",
    });
    const wrong = ehr.signIn(url, REDIRECT, { username: "dr.rivera", password: "nope" });
    await expect(wrong).rejects.toThrow(/too many redirects|answered/);
    const back = await ehr.signIn(url, REDIRECT, ehr.otherLogin);
    const form = new URLSearchParams({
      grant_type: "authorization_code",
      code: back.searchParams.get("code")!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    const res = await fetch(config.token_endpoint, {
      method: "POST",
      body: form,
      headers: {
        authorization: `Basic ${Buffer.from("portal-secret:s3cret-s3cret-s3cret-s3cret").toString("base64")}`,
      },
    });
    const token = (await res.json()) as Token;
    expect(token.patient).toBe(ehr.seeded.patientId);
    expect(token.encounter).toBeUndefined();
    expect(decodeJwt(token.id_token as string).fhirUser).toBe(`Practitioner/${ehr.seeded.otherPractitionerId}`);
    expect((await fhir(`Condition?patient=${ehr.seeded.patientId}`, token.access_token)).status).toBe(200);
  });

  it("answers 401 without a token or with an unknown one, and 403 outside the scope", async () => {
    expect((await fhir(`Patient/${ehr.seeded.patientId}`)).status).toBe(401);
    expect((await fhir(`Patient/${ehr.seeded.patientId}`, "not-a-token")).status).toBe(401);
    const readOnly = await ehrLaunchToken("launch openid fhirUser patient/*.rs");
    const doc = {
      resourceType: "DocumentReference",
      status: "current",
      subject: { reference: `Patient/${readOnly.patient}` },
      content: [{ attachment: { contentType: "text/plain", data: "aGk=" } }],
    };
    const res = await fhir("DocumentReference", readOnly.access_token, { method: "POST", body: JSON.stringify(doc) });
    expect(res.status).toBe(403);
    expect((await res.json()).resourceType).toBe("OperationOutcome");
  });

  it("conditional create twice gives one resource (200 the second time), and transactions resolve urn:uuid", async () => {
    const token = await ehrLaunchToken(WRITE_SCOPE);
    const identifier = { system: "http://127.0.0.1:3000/fhir/handout-id", value: crypto.randomUUID() };
    const doc = {
      resourceType: "DocumentReference",
      status: "current",
      identifier: [identifier],
      subject: { reference: `Patient/${token.patient}` },
      content: [{ attachment: { contentType: "application/pdf", data: Buffer.from("%PDF-1.7").toString("base64") } }],
    };
    const ifNoneExist = `identifier=${identifier.system}|${identifier.value}`;
    const post = () =>
      fhir("DocumentReference", token.access_token, {
        method: "POST",
        body: JSON.stringify(doc),
        headers: { "if-none-exist": ifNoneExist },
      });
    const first = await post();
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toMatch(/\/fhir\/DocumentReference\//);
    const second = await post();
    expect(second.status).toBe(200);
    expect((await second.json()).id).toBe((await first.json()).id);
    expect(
      await ehr.searchResources("DocumentReference", { identifier: `${identifier.system}|${identifier.value}` }),
    ).toHaveLength(1);

    const bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          fullUrl: "urn:uuid:0d7b4c5e-3f43-4c1a-9d55-2d1b8f1e7a01",
          resource: doc,
          request: { method: "POST", url: "DocumentReference", ifNoneExist },
        },
        {
          fullUrl: "urn:uuid:0d7b4c5e-3f43-4c1a-9d55-2d1b8f1e7a02",
          resource: {
            resourceType: "Communication",
            status: "completed",
            subject: { reference: `Patient/${token.patient}` },
            payload: [{ contentReference: { reference: "urn:uuid:0d7b4c5e-3f43-4c1a-9d55-2d1b8f1e7a01" } }],
          },
          request: { method: "POST", url: "Communication" },
        },
      ],
    };
    const tx = await fhir("", token.access_token, { method: "POST", body: JSON.stringify(bundle) });
    expect(tx.status).toBe(200);
    const result = await tx.json();
    expect(result.type).toBe("transaction-response");
    expect(result.entry.map((e: { response: { status: string } }) => e.response.status)).toEqual(["200", "201"]);
    const [comm] = await ehr.searchResources<Communication>("Communication", { subject: `Patient/${token.patient}` });
    expect(comm!.payload![0]!.contentReference!.reference).toBe(
      first.headers.get("location")!.split("/fhir/")[1]!.split("/_history")[0],
    );
  });

  it("faults: 503s, a 4xx with an OperationOutcome, a huge body, malformed JSON, expired tokens", async () => {
    const token = await ehrLaunchToken(WRITE_SCOPE);
    const read = () => fhir(`Patient/${ehr.seeded.patientId}`, token.access_token);
    ehr.faults.failNext(2, 503);
    expect((await read()).status).toBe(503);
    expect((await read()).status).toBe(503);
    ehr.faults.failNext(1, 422, {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "invalid", diagnostics: "bad subject" }],
    });
    const unprocessable = await read();
    expect(unprocessable.status).toBe(422);
    expect((await unprocessable.json()).issue[0].diagnostics).toBe("bad subject");
    ehr.faults.malformedNext();
    await expect((await read()).json()).rejects.toThrow();
    ehr.faults.hugeNext();
    const huge = await read();
    let received = 0;
    for await (const chunk of huge.body! as unknown as AsyncIterable<Uint8Array>) {
      received += chunk.length;
      if (received > 8 * 1024 * 1024) break; // what a bounded client does: stop reading
    }
    expect(received).toBeGreaterThan(8 * 1024 * 1024);
    expect((await read()).status).toBe(200);
    ehr.faults.expireTokens();
    expect((await read()).status).toBe(401);
    // Expired, not revoked: the refresh token still gets a fresh access token.
    const fresh = await (
      await client.token({ grant_type: "refresh_token", refresh_token: token.refresh_token as string })
    ).json();
    expect((await fhir(`Patient/${ehr.seeded.patientId}`, fresh.access_token)).status).toBe(200);
  });

  it("has a front page that launches the app for a patient (a fresh launch id each time), and can say fhirUser absolutely", async () => {
    const withApp = await startTestEhr({ appLaunchUrl: "http://127.0.0.1:5999/ehr/launch", absoluteFhirUser: true });
    const other = await startSmartClient(withApp);
    try {
      const { id_token } = await other.launchToken("launch openid fhirUser");
      expect(decodeJwt(id_token as string).fhirUser).toBe(
        `${withApp.issuer}/Practitioner/${withApp.seeded.practitionerId}`,
      );
      const origin = new URL(withApp.issuer).origin;
      expect(await (await fetch(`${origin}/`)).text()).toContain(`/launch?patient=${withApp.seeded.patientId}`);
      const go = () =>
        fetch(`${origin}/launch?patient=${withApp.seeded.patientNoConditionsId}`, { redirect: "manual" });
      const [a, b] = [(await go()).headers.get("location")!, (await go()).headers.get("location")!];
      expect(new URL(a).searchParams.get("iss")).toBe(withApp.issuer);
      expect(new URL(a).searchParams.get("launch")).not.toBe(new URL(b).searchParams.get("launch"));
    } finally {
      await other.stop();
      await withApp.stop();
    }
  });
});
