import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, waitForMail } from "./support";
import { codeAt, confirmEnrolment, makeClinic, passwordStep, signOut, sql } from "./second-factor-support";

// Two-step sign-in as a member meets it, against the production build: codes are computed here from the key
// the page showed (otplib), as an authenticator app would.

const codeStep = async (page: Page, code: string, opts: { trust?: boolean } = {}) => {
  await page.getByLabel("6-digit code").fill(code);
  if (opts.trust) await page.getByLabel(/Trust this browser for 30 days/).check();
  await page.getByRole("button", { name: "Continue" }).click();
};

async function enrolFromProfile(page: Page, clinicId: string) {
  await page.goto(`/clinics/${clinicId}/profile`);
  await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  await expectAccessible(page);
  const enrolled = await confirmEnrolment(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to your profile" }).click();
  await expect(page.getByText(/On: you sign in with a code from your phone as well/)).toBeVisible();
  return enrolled;
}

test("set up from the profile, then sign in with password and code; a replayed code and a reused recovery code are refused", async ({
  page,
}) => {
  const { clinic, owner } = await makeClinic("Two Step Clinic");
  await passwordStep(page, owner);
  const { secret, used, codes } = await enrolFromProfile(page, clinic.id);
  await signOut(page);

  await passwordStep(page, owner);
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await expectAccessible(page);
  // The code the set-up used is spent. That code itself, not the code of this moment: a slow machine may have
  // moved to the next 30-second step since, whose code is not spent.
  await codeStep(page, used);
  await expect(page.getByText(/That code was already used/).first()).toBeVisible();
  await expectAccessible(page);
  const next = await codeAt(secret, 30_000);
  await codeStep(page, next);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await signOut(page);

  // The same code on the next sign-in: refused.
  await passwordStep(page, owner);
  await codeStep(page, next);
  await expect(page.getByText(/That code was already used/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/login\/second-factor/);

  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await expect(page.getByRole("heading", { name: "Use a recovery code" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await signOut(page);

  await passwordStep(page, owner);
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/That recovery code was already used/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/login\/second-factor/);
});

test("trusting this browser skips the code until it is revoked from the profile", async ({ page }) => {
  const { clinic, owner } = await makeClinic("Trusted Clinic");
  await passwordStep(page, owner);
  const { secret } = await enrolFromProfile(page, clinic.id);
  await signOut(page);
  await passwordStep(page, owner);
  await codeStep(page, await codeAt(secret, 30_000), { trust: true });
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await signOut(page);

  await passwordStep(page, owner);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await page.goto(`/clinics/${clinic.id}/profile`);
  await expectAccessible(page);
  const trusted = page.getByRole("list", { name: "Trusted browsers" });
  await expect(trusted.getByRole("listitem")).toHaveCount(1);
  await trusted.getByRole("button", { name: /Stop trusting/ }).click();
  await expect(page.getByText("No browser skips the code step.")).toBeVisible();
  await signOut(page);
  await passwordStep(page, owner);
  await expect(page).toHaveURL(/\/login\/second-factor/);
});

test("with the clinic's requirement on, a member is walked through set-up at sign-in and can open nothing else until done", async ({
  page,
}) => {
  const { clinic, owner, clinician } = await makeClinic("Required Clinic");
  await passwordStep(page, owner);
  await enrolFromProfile(page, clinic.id);
  await page.goto(`/clinics/${clinic.id}/settings`);
  await page.getByRole("button", { name: "Require two-step sign-in" }).click();
  await expect(page.getByText(/Two-step sign-in is now required/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await passwordStep(page, clinician);
  await expect(page).toHaveURL(/\/login\/set-up-second-factor/);
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  await expectAccessible(page);
  for (const path of [`/clinics/${clinic.id}`, `/clinics/${clinic.id}/profile`, "/"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText(clinic.name)).toHaveCount(0);
  }
  await page.goto("/login/set-up-second-factor");
  await confirmEnrolment(page);
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await expect(page.getByText(`${clinic.name} · you are clinician`)).toBeVisible();
});

test("an owner resets a member's second factor: the member is signed out and told by email", async ({
  page,
  browser,
}) => {
  const { clinic, owner, clinician } = await makeClinic("Reset Clinic");
  const member = await (await browser.newContext()).newPage();
  await passwordStep(member, clinician);
  await enrolFromProfile(member, clinic.id);

  await passwordStep(page, owner);
  await page.goto(`/clinics/${clinic.id}/members`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Reset two-step sign-in for ${clinician.name}` }).click();
  await expect(
    page.getByText("Two-step sign-in was reset. They have been signed out and told by email."),
  ).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(clinician.email, 20_000);
  expect(mail.subject).toBe("Your Handout Portal sign-in was reset");
  expect(mail.text).toContain(clinic.name);
  expect(
    (
      await sql(
        `SELECT action FROM "AuditEvent" WHERE "clinicId" = $1 AND action = 'auth.second_factor_reset' AND "targetId" = $2`,
        [clinic.id, clinician.id],
      )
    ).rowCount,
  ).toBe(1);

  await member.goto(`/clinics/${clinic.id}/profile`);
  await expect(member).toHaveURL(/\/login/);
  await passwordStep(member, clinician);
  await expect(member).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await member.close();
});

test("the devices list signs another session out", async ({ page, browser }) => {
  const { clinic, clinician } = await makeClinic("Devices Clinic");
  const other = await (await browser.newContext()).newPage();
  await passwordStep(other, clinician);
  await passwordStep(page, clinician);
  await page.goto(`/clinics/${clinic.id}/profile`);
  const devices = page.getByRole("list", { name: "Signed-in devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByText("(this browser)")).toHaveCount(1);
  await expectAccessible(page);
  await devices.getByRole("button", { name: /^Sign out/ }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await other.goto(`/clinics/${clinic.id}`);
  await expect(other).toHaveURL(/\/login/);
  await page.reload();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await other.close();
});

test("changing how the account signs in asks for the password again after 10 minutes (ASVS 7.5.1), and a wrong one is refused", async ({
  page,
}) => {
  const { clinic, owner } = await makeClinic("Confirm It Clinic");
  await passwordStep(page, owner);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  // The sign-in was 11 minutes ago: the session is still live, but no longer recent.
  await sql(
    `UPDATE "AuthSession" SET "confirmedAt" = now() - interval '11 minutes' WHERE "userId" = $1 AND "endedAt" IS NULL`,
    [owner.id],
  );
  for (const path of ["two-step", "passkeys"]) {
    await page.goto(`/clinics/${clinic.id}/profile/${path}`);
    await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Set up|Add passkey/ })).toHaveCount(0);
  }
  await expectAccessible(page);
  await page.getByLabel("Your password").fill("not the password");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your password").fill(owner.password);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Add a passkey" })).toBeVisible();
  await page.goto(`/clinics/${clinic.id}/profile/two-step`);
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  const events = await sql(
    `SELECT action FROM "AuditEvent" WHERE "actorId" = $1 AND action LIKE 'auth.password_confirm%' ORDER BY "chainSeq"`,
    [owner.id],
  );
  expect(events.rows.map((e: { action: string }) => e.action)).toEqual([
    "auth.password_confirm_failed",
    "auth.password_confirmed",
  ]);
});
