import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";
import { makeClinic, passwordStep } from "./second-factor-support";

// Changing the password from the profile (ASVS 5.0 6.2.2–6.2.3), against the production build: the current
// password is asked for, this browser stays signed in, every other one is signed out.

test("a member changes their password on the profile: a wrong current one is refused, other browsers are signed out, the new one signs in", async ({
  page,
  browser,
}) => {
  const { clinic, clinician } = await makeClinic("Password Clinic");
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await passwordStep(elsewhere, clinician);
  await expect(elsewhere).toHaveURL(new RegExp(`/clinics/${clinic.id}`));

  await passwordStep(page, clinician);
  await page.goto(`/clinics/${clinic.id}/profile`);
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("river stone lantern copper");
  await page.getByLabel("Confirm new password").fill("river stone lantern copper");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Current password").fill(clinician.password);
  await page.getByLabel("New password", { exact: true }).fill("river stone lantern copper");
  await page.getByLabel("Confirm new password").fill("river stone lantern copper");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Password changed\. Every other browser/)).toBeVisible();
  await expectAccessible(page);
  // This browser is still signed in; the other one is not.
  await page.goto(`/clinics/${clinic.id}/handouts`);
  await expect(page).toHaveURL(new RegExp(`/clinics/${clinic.id}/handouts`));
  await elsewhere.goto(`/clinics/${clinic.id}/handouts`);
  await expect(elsewhere).toHaveURL(/\/login/);
  // The old password no longer signs in; the new one does.
  await elsewhere.getByLabel("Email").fill(clinician.email);
  await elsewhere.getByLabel("Password", { exact: true }).fill(clinician.password);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByRole("alert").first()).toBeVisible();
  await passwordStep(elsewhere, { email: clinician.email, password: "river stone lantern copper" });
  await expect(elsewhere).toHaveURL(new RegExp(`/clinics/${clinic.id}`));
  await other.close();
});
