import crypto from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import type { Communication, DocumentReference } from "@medplum/fhirtypes";
import { startTestEhr, type TestEhr } from "../support/test-ehr";
import { expectAccessible, signIn, waitForMail } from "./support";

// SMART on FHIR in the browser, against the test EHR started here (oidc-provider + a FHIR R4 server on
// 127.0.0.1): the owner connects it in Settings (the EHR fetches the portal's key from its JWKS URL), a
// clinician launches from the chart, links their EHR user once, gets the back-spasms guide suggested, generates,
// and the chart holds a DocumentReference with the stored PDF's exact bytes; the email's Communication follows;
// a second launch needs no portal password. A clinic of its own, so the demo clinics stay as they are.
test.describe.configure({ mode: "serial" });

const suffix = crypto.randomBytes(3).toString("hex");
const CLINIC = { id: `ehr-e2e-${suffix}`, name: "Cedar Spine Clinic" };
const OWNER = {
  id: `ehr-owner-${suffix}`,
  email: `owner-${suffix}@cedar.example`,
  password: "cedar-lighthouse-owner-42",
};
const CLINICIAN = {
  id: `ehr-clin-${suffix}`,
  email: `clin-${suffix}@cedar.example`,
  password: "cedar-lighthouse-clin-42",
};
const CLIENT_ID = `portal-${suffix}`;

let ehr: TestEhr;
let launchUrl = "";
let handoutId = "";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  ehr = await startTestEhr();
  await sql(`INSERT INTO "Clinic" (id, name, "updatedAt") VALUES ($1, $2, now())`, [CLINIC.id, CLINIC.name]);
  for (const [who, role] of [
    [OWNER, "OWNER"],
    [CLINICIAN, "CLINICIAN"],
  ] as const) {
    await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      who.id,
      who.email,
      role === "OWNER" ? "Cass Owner" : "Dana Clinician",
      await hash(who.password, { algorithm: 2 }),
    ]);
    await sql(`INSERT INTO "Membership" (id, "userId", "clinicId", role) VALUES ($1, $2, $3, $4)`, [
      `m-${who.id}`,
      who.id,
      CLINIC.id,
      role,
    ]);
  }
});
test.afterAll(() => ehr?.stop());

const shown = (page: Page, label: string) =>
  page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]").innerText();

/** Reloads the handout page until its chart panel shows `text` (the worker files in the background). */
async function waitForChart(page: Page, text: RegExp) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("the owner connects the clinic's EHR; the EHR fetches the portal's key", async ({ page }) => {
  await signIn(page, OWNER);
  await page.goto(`/clinics/${CLINIC.id}/settings`);
  await page.getByRole("link", { name: "Connect your EHR" }).click();
  await page.getByLabel("FHIR base URL").fill(`${ehr.issuer}/nothing-here`);
  await page.getByLabel("Client ID").fill(CLIENT_ID);
  await page.getByRole("button", { name: "Save EHR connection" }).click();
  await expect(page.getByRole("alert").first()).toContainText("smart-configuration");
  await page.getByLabel("FHIR base URL").fill(ehr.issuer);
  await page.getByRole("button", { name: "Save EHR connection" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await expectAccessible(page);
  launchUrl = (await shown(page, "Launch URL")).trim();
  ehr.registerClient({
    clientId: CLIENT_ID,
    redirectUris: [(await shown(page, "Redirect URI")).trim()],
    jwksUri: (await shown(page, "Key set (JWKS) URL")).trim(),
  });
});

test("a clinician launches from the chart, links once, and the handout is filed with its exact bytes", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, CLINICIAN);
  await page.goto(ehr.launch(launchUrl, { encounter: ehr.seeded.encounterId }));
  await expect(page.getByRole("heading", { name: "Link your EHR user" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Link to ${CLINICIAN.email} and continue` }).click();

  await expect(page.getByRole("heading", { name: /^Handout for [A-Z]\. [A-Z]\.$/ })).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
  const suggested = page
    .locator("section, div")
    .filter({ has: page.getByRole("heading", { name: "Suggested for this patient" }) })
    .first();
  await suggested.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
  await expect(page.getByLabel("Prepared for")).toHaveValue(/^[A-Z]\. [A-Z]\.$/);
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 30_000 });
  handoutId = new URL(page.url()).pathname.split("/").at(-1)!;

  await waitForChart(page, /Filed as DocumentReference\//);
  await expectAccessible(page);
  const docs = await ehr.searchResources<DocumentReference>("DocumentReference", { identifier: handoutId });
  expect(docs).toHaveLength(1);
  const bytes = Buffer.from(docs[0]!.content[0]!.attachment.data!, "base64");
  const [stored] = await sql<{ sha256: string }>(`SELECT sha256 FROM "HandoutPdf" WHERE "handoutId" = $1`, [handoutId]);
  expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(stored!.sha256);
  expect(docs[0]!.content[0]!.attachment.hash).toBe(crypto.createHash("sha1").update(bytes).digest("base64"));
  expect(docs[0]!.subject?.reference).toBe(`Patient/${ehr.seeded.patientId}`);

  // The email's Communication follows the DocumentReference into the chart.
  const to = `patient-${suffix}@example.com`;
  await page.getByLabel("Patient's email address").fill(to);
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  await waitForMail(to, 20_000);
  await expect(async () => {
    const comms = await ehr.searchResources<Communication>("Communication", {
      subject: `Patient/${ehr.seeded.patientId}`,
    });
    expect(
      comms.filter((c) => c.payload?.some((p) => p.contentReference?.reference === `DocumentReference/${docs[0]!.id}`)),
    ).toHaveLength(1);
  }).toPass({ timeout: 30_000 });
  await context.close();
});

test("a second launch from the EHR needs no portal password", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(ehr.launch(launchUrl));
  await expect(page).toHaveURL(new RegExp(`/clinics/${CLINIC.id}/ehr/`));
  await expect(page.getByRole("heading", { name: /^Handout for / })).toBeVisible();
  await page.goto(`/clinics/${CLINIC.id}/handouts`);
  await expect(page.getByText("Chart: filed").first()).toBeVisible();
  await context.close();
});
