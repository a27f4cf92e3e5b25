import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { webServerArgs } from "../../lib/server/node-flags.mjs";
import { freePort, startNode, waitForHealth, type Started } from "./processes";
import { expectAccessible } from "./support";
import { makeClinic, passwordStep, signOut, sql } from "./second-factor-support";

// Passkeys as a member meets them, against the production build, in real Chromium with its DevTools virtual
// authenticator (a platform authenticator that holds discoverable credentials and verifies its user).

type Authenticator = { cdp: CDPSession; id: string };
type Credential = { credentialId: string; signCount: number } & Record<string, unknown>;

async function addAuthenticator(page: Page, cdp?: CDPSession): Promise<Authenticator> {
  const session = cdp ?? (await page.context().newCDPSession(page));
  await session.send("WebAuthn.enable");
  const { authenticatorId } = await session.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp: session, id: authenticatorId };
}

const credentials = async (a: Authenticator) =>
  (await a.cdp.send("WebAuthn.getCredentials", { authenticatorId: a.id })).credentials as unknown as Credential[];

async function addPasskeyOnProfile(page: Page, clinicId: string, name: string, base = "") {
  await page.goto(`${base}/clinics/${clinicId}/profile`);
  await page.getByRole("link", { name: /Add a passkey|Passkeys \(/ }).click();
  await expect(page.getByRole("heading", { name: "Passkeys", exact: true })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText(`Passkey “${name}” added.`)).toBeVisible();
}

async function passkeySignIn(page: Page, base = "") {
  await page.goto(`${base}/login`);
  await expect(page.getByRole("heading", { name: "Sign in with a passkey" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey" }).click();
}

const passkeyRows = (userId: string) =>
  sql(`SELECT name, counter::int AS counter FROM "Passkey" WHERE "userId" = $1 ORDER BY "createdAt"`, [userId]).then(
    (r) => r.rows,
  );
const audit = (userId: string, action: string) =>
  sql(`SELECT metadata FROM "AuditEvent" WHERE "actorId" = $1 AND action = $2 ORDER BY "chainSeq"`, [
    userId,
    action,
  ]).then((r) => r.rows.map((row) => row.metadata));

test("add, name and rename a passkey on the profile; sign in with it alone and as the second step; remove it", async ({
  page,
}) => {
  const { clinic, owner } = await makeClinic("Passkey Clinic");
  await passwordStep(page, owner);
  const device = await addAuthenticator(page);

  await addPasskeyOnProfile(page, clinic.id, "Work laptop");
  // The account had no recovery codes: the first passkey brings ten, shown once.
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expect(page.locator("#recovery-codes li")).toHaveCount(10);
  await expect(
    page.getByRole("list", { name: "Your passkeys" }).getByRole("button", { name: "Remove Work laptop" }),
  ).toBeVisible();
  await expectAccessible(page);
  // The same device again: the browser refuses, and says why.
  await page.getByLabel("Name", { exact: true }).fill("Work laptop again");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText(/already holds a passkey for your account/)).toBeVisible();
  await page.getByLabel("Name of “Work laptop”").fill("Office PC");
  await page.getByRole("button", { name: "Save name of Work laptop" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Your passkeys" }).getByRole("button", { name: "Remove Office PC" }),
  ).toBeVisible();
  expect(await passkeyRows(owner.id)).toEqual([{ name: "Office PC", counter: expect.any(Number) }]);
  expect(await credentials(device)).toHaveLength(1);
  await signOut(page);

  // No email, no password.
  await expectAccessible(page);
  await passkeySignIn(page);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  expect(await audit(owner.id, "auth.sign_in")).toContainEqual({ method: "passkey", passwordless: true });
  await signOut(page);

  // After the password, the passkey is the second step.
  await passwordStep(page, owner);
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.getByRole("heading", { name: "Use your passkey" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Use a recovery code instead" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use your passkey" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  expect(await audit(owner.id, "auth.sign_in")).toContainEqual({ method: "passkey", passkeyId: expect.any(String) });

  await page.goto(`/clinics/${clinic.id}/profile/passkeys`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Remove Office PC" }).click();
  // The row goes, with its button and message.
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  expect(await passkeyRows(owner.id)).toEqual([]);
  expect(await audit(owner.id, "auth.passkey_removed")).toHaveLength(1);
  await signOut(page);

  // The device still holds it, but the portal no longer knows it; the password alone signs in again.
  await passkeySignIn(page);
  await expect(page.getByText(/This passkey is not registered with Handout Portal/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await passwordStep(page, owner);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
});

test("a cloned passkey (its signature count goes back) is refused with a clear message, and audited", async ({
  page,
}) => {
  const { clinic, owner } = await makeClinic("Clone Clinic");
  await passwordStep(page, owner);
  const original = await addAuthenticator(page);
  await addPasskeyOnProfile(page, clinic.id, "Phone");
  const [exported] = await credentials(original);
  expect(exported).toBeDefined();
  await signOut(page);
  for (let i = 0; i < 2; i++) {
    await passkeySignIn(page);
    await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
    await signOut(page);
  }
  const [{ counter: stored }] = (await passkeyRows(owner.id)) as [{ counter: number }];
  expect(stored).toBeGreaterThan(exported!.signCount + 1);

  // A copy of the key as it was when exported, on another authenticator: its next count is behind the portal's.
  await original.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: original.id });
  const copy = await addAuthenticator(page, original.cdp);
  await copy.cdp.send("WebAuthn.addCredential", { authenticatorId: copy.id, credential: exported as never });
  await passkeySignIn(page);
  await expect(page.getByText(/This passkey was refused: its use count went backwards/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.context().cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  expect(await audit(owner.id, "auth.passkey_refused")).toEqual([
    { reason: "cloned", as: "sign-in", storedCounter: stored, answerCounter: exported!.signCount + 1 },
  ]);
  expect(await passkeyRows(owner.id)).toEqual([{ name: "Phone", counter: stored }]);
  await expectAccessible(page);
});

test("a device without a passkey for the portal: the ceremony ends and the page says so, nobody signed in", async ({
  page,
}) => {
  await page.goto("/login");
  await addAuthenticator(page);
  await expect(page.getByRole("heading", { name: "Sign in with a passkey" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(
    page.getByText(/The passkey request was cancelled or timed out, so you are not signed in/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("without APP_URL (development), passkeys belong to the host served: they work at localhost, and 127.0.0.1 says to open localhost", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { clinic, owner } = await makeClinic("Dev Host Clinic");
  const port = await freePort();
  let server: Started | undefined;
  try {
    server = startNode(webServerArgs(), { PORT: String(port), APP_URL: undefined, NODE_ENV: "production" });
    const base = `http://localhost:${port}`;
    await waitForHealth(base, server);
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
    await addAuthenticator(page);
    await addPasskeyOnProfile(page, clinic.id, "Dev laptop", base);
    await signOut(page);
    await passkeySignIn(page, base);
    await expect(page).toHaveURL(`${base}/clinics/${clinic.id}`);

    await page.context().clearCookies();
    await passkeySignIn(page, `http://127.0.0.1:${port}`);
    await expect(page.getByText(`Open the portal at ${base} and try again.`)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  } finally {
    if (server && server.child.exitCode === null) {
      process.kill(-server.child.pid!, "SIGTERM");
      await server.exited;
    }
  }
});
