import crypto from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startTestIdp, type TestIdp } from "../support/oidc-provider";
import { codeAt, confirmEnrolment, passwordStep } from "./second-factor-support";
import { expectAccessible, expectFormError, signIn, waitForMail } from "./support";

// Single sign-on in the browser against a real OpenID provider (oidc-provider on 127.0.0.1, started here):
// the owner sets it up in Settings, a member signs in through the provider, a new person joins just in
// time, and "require single sign-on" turns the password form away. Clinics of their own, so the demo
// clinics the other specs use keep their passwords.
test.describe.configure({ mode: "serial" });

const suffix = crypto.randomBytes(3).toString("hex");
const DOMAIN = `harbour-${suffix}.example`;
const CLINIC = { id: `sso-e2e-${suffix}`, name: "Harbour Physio" };
// Another clinic the member belongs to, which does not use single sign-on.
const OTHER = { id: `sso-e2e-bay-${suffix}`, name: "Bay Clinic" };
const OWNER = { email: `owner@${DOMAIN}`, name: "Hana Owner", password: "harbour-lighthouse-owner-42" };
const MEMBER = { email: `member@${DOMAIN}`, name: "Milo Member", password: "harbour-lighthouse-member-42" };

let idp: TestIdp;

test.beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: `${process.env.E2E_BASE_URL}/api/sso/callback` });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const c of [CLINIC, OTHER])
      await client.query(`INSERT INTO "Clinic" (id, name, "updatedAt") VALUES ($1, $2, now())`, [c.id, c.name]);
    for (const [who, role] of [
      [OWNER, "OWNER"],
      [MEMBER, "CLINICIAN"],
    ] as const) {
      const id = `${role.toLowerCase()}-${suffix}`;
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
        [id, who.email, who.name, await hash(who.password, { algorithm: 2 })],
      );
      await client.query(`INSERT INTO "Membership" (id, "userId", "clinicId", role) VALUES ($1, $2, $3, $4)`, [
        `m-${id}`,
        id,
        CLINIC.id,
        role,
      ]);
    }
    await client.query(`INSERT INTO "Membership" (id, "userId", "clinicId", role) VALUES ($1, $2, $3, 'CLINICIAN')`, [
      `m-bay-${suffix}`,
      `clinician-${suffix}`,
      OTHER.id,
    ]);
  } finally {
    await client.end();
  }
});
test.afterAll(() => idp?.stop());

/** The owner's Single sign-on page, in a browser of the owner's own. */
async function ownerSettings(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OWNER);
  await page.goto(`/clinics/${CLINIC.id}/settings`);
  await page.getByRole("link", { name: /^(Set up|Change) single sign-on$/ }).click();
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  return { page, close: () => context.close() };
}

/**
 * "Sign in with single sign-on" from the sign-in page, then the provider's page. A browser of its own for each
 * person: the provider remembers who signed in there and would not ask again.
 */
async function signInWithSso(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await expect(page.getByLabel("Login")).toHaveValue(email);
  await page.getByRole("button", { name: "Sign in at the provider" }).click();
}

test("the owner sets up single sign-on in Settings; a public mail domain and a provider that does not answer are refused", async ({
  browser,
}) => {
  const { page, close } = await ownerSettings(browser);
  await expect(page.getByText(`${process.env.E2E_BASE_URL}/api/sso/callback`)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Issuer URL").fill("http://127.0.0.1:9");
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains").fill(`${DOMAIN}\ngmail.com`);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expectFormError(
    page,
    "gmail.com is a public mail service: anyone can have an address there, so no clinic's sign-in can speak for it.",
  );
  await expectAccessible(page);

  await page.getByLabel("Email domains").fill(DOMAIN);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expectFormError(page, /The portal could not reach http:\/\/127\.0\.0\.1:9\/\.well-known\/openid-configuration/);

  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(
    page.getByText(`Saved. People with an address at ${DOMAIN} can sign in with single sign-on.`),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Issuer URL")).toHaveValue(idp.issuer);
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByText("Saved and encrypted. Leave empty to keep it")).toBeVisible();
  await page.getByRole("link", { name: "Back to clinic settings" }).click();
  await expect(
    page.getByText(`On for ${DOMAIN}; members may also use their passwords; new people need an invite.`),
  ).toBeVisible();
  await expectAccessible(page);
  // On a phone too, with nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);
  await page.goto(`/clinics/${CLINIC.id}/settings/sso`);
  await expectAccessible(page);
  await close();
});

test("a member signs in through the provider and lands on the clinic, which is the only one the session opens; an address no clinic signs in for is told so", async ({
  page,
}) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/login");
    await expectAccessible(page);
    await page.goto("/login/sso");
    await expectAccessible(page);
  }
  await page.getByLabel("Work email").fill(`someone@nowhere-${suffix}.example`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectFormError(
    page,
    `No clinic signs in with single sign-on for addresses at nowhere-${suffix}.example. Sign in with your email and password instead.`,
  );
  await expectAccessible(page);

  idp.setAccount(MEMBER.email, { sub: `milo-${suffix}`, name: "Milo at the provider" });
  await signInWithSso(page, MEMBER.email);
  await expect(page).toHaveURL(new RegExp(`/clinics/${CLINIC.id}$`));
  await expect(page.getByRole("heading", { name: `Welcome, ${MEMBER.name}` })).toBeVisible();
  await expect(page.getByText(`${CLINIC.name} · you are clinician`)).toBeVisible();
  // The member's other clinic is not this provider's to open: not listed, and not found when asked for.
  await expect(page.locator("summary", { hasText: "switch clinic" })).toHaveCount(0);
  await page.goto(`/clinics/${OTHER.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/clinics/${CLINIC.id}$`));
  // A session like any other: it survives a reload and ends with Sign out.
  await page.reload();
  await expect(page.getByRole("heading", { name: `Welcome, ${MEMBER.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto(`/clinics/${CLINIC.id}`);
  await expect(page).toHaveURL(/\/login/);
});

test("a new person joins as a clinician once the owner allows just-in-time accounts; an unverified address is refused with its reason", async ({
  page,
  browser,
}) => {
  const newcomer = `nora-${suffix}@${DOMAIN}`;
  idp.setAccount(newcomer, { name: "Nora Newcomer" });
  await signInWithSso(page, newcomer);
  await expect(page).toHaveURL(/\/login\/sso\?error=no_invite/);
  await expect(
    page
      .getByRole("alert")
      .getByText("There is no account for your address at this clinic. Ask the clinic's owner for an invite."),
  ).toBeVisible();
  await expectAccessible(page);

  const owner = await ownerSettings(browser);
  await owner.page.getByLabel("New people join as clinicians at their first sign-in (just-in-time)").check();
  await owner.page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(owner.page.getByText(/^Saved\. People with an address at/)).toBeVisible();
  await owner.close();

  const unverified = `una-${suffix}@${DOMAIN}`;
  idp.setAccount(unverified, { email_verified: false });
  await signInWithSso(page, unverified);
  await expect(page.getByRole("alert").getByText(/has not verified your email address/)).toBeVisible();

  await signInWithSso(page, newcomer);
  await expect(page).toHaveURL(new RegExp(`/clinics/${CLINIC.id}$`));
  await expect(page.getByRole("heading", { name: "Welcome, Nora Newcomer" })).toBeVisible();
  await expect(page.getByText(`${CLINIC.name} · you are clinician`)).toBeVisible();
});

test("require single sign-on: an invitee joins through the provider with no password, the password form turns a member away with a clear message, the owner keeps the password with two-step sign-in", async ({
  page,
  browser,
}) => {
  const owner = await ownerSettings(browser);
  await owner.page.getByLabel("Require single sign-on").check();
  await owner.page.getByRole("button", { name: "Save single sign-on" }).click();
  await expectFormError(owner.page, /^Set up your own two-step sign-in first/);
  await expectAccessible(owner.page);
  await owner.page.goto(`/clinics/${CLINIC.id}/profile`);
  await owner.page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  const { secret } = await confirmEnrolment(owner.page);
  await owner.page.goto(`/clinics/${CLINIC.id}/settings/sso`);
  await owner.page.getByLabel("Require single sign-on").check();
  await owner.page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(owner.page.getByText(/members \(but owners\) can no longer use a password/)).toBeVisible();
  // Someone invited now joins through the provider, without a password.
  const invitee = `ivy-${suffix}@${DOMAIN}`;
  await owner.page.goto(`/clinics/${CLINIC.id}/members`);
  await owner.page.getByLabel("Email").fill(invitee);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await owner.page.getByRole("button", { name: "Send invite" }).click();
  await expect(owner.page.getByText(`Invite for ${invitee} is on its way`)).toBeVisible();
  await owner.close();
  const link = (await waitForMail(invitee)).text?.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
  await page.goto(new URL(new URL(link!).pathname, process.env.E2E_BASE_URL).toString());
  await expect(
    page.getByText(
      "This clinic signs in with single sign-on: your account is made when you first sign in through your organisation.",
    ),
  ).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await expect(page.getByLabel("Work email")).toHaveValue(invitee);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Sign in at the provider" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${CLINIC.id}$`));
  await expect(page.getByText(`${CLINIC.name} · you are admin`)).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill(MEMBER.email);
  await page.getByLabel("Password", { exact: true }).fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText(
    "Your clinic signs in with single sign-on, so your password cannot be used here. Use “Sign in with single sign-on” below.",
  );
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);

  // The way in that is left to members, and the owner's break-glass: password, then the code.
  await signInWithSso(page, MEMBER.email);
  await expect(page.getByRole("heading", { name: `Welcome, ${MEMBER.name}` })).toBeVisible();
  const context = await browser.newContext();
  const breakGlass = await context.newPage();
  await passwordStep(breakGlass, OWNER);
  await expect(breakGlass).toHaveURL(/\/login\/second-factor/);
  await breakGlass.getByLabel("6-digit code").fill(await codeAt(secret, 30_000));
  await breakGlass.getByRole("button", { name: "Continue" }).click();
  await expect(breakGlass).toHaveURL(new RegExp(`/clinics/${CLINIC.id}$`));
  await context.close();
});
