import { expect, test } from "@playwright/test";
import { CLINICIAN, LAKESIDE, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

test("another clinic's pages answer 404 to a signed-in user who is not a member", async ({ page }) => {
  await signIn(page, RIVERSIDE_OWNER);
  for (const path of ["", "/members", "/activity", "/guides"]) {
    const res = await page.goto(`/clinics/${LAKESIDE}${path}`);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  const made = await page.goto(`/clinics/does-not-exist`);
  expect(made?.status()).toBe(404);
});

test("a clinician cannot open the members or activity pages", async ({ page }) => {
  await signIn(page, CLINICIAN);
  for (const path of ["/members", "/activity"]) {
    const res = await page.goto(`/clinics/${RIVERSIDE}${path}`);
    expect(res?.status(), path).toBe(404);
  }
});

test("signed-out visitors are sent to sign in, and come back to the page they asked for", async ({ page }) => {
  await page.goto(`/clinics/${RIVERSIDE}/handouts?q=knee`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclinics%2Fdemo-riverside%2Fhandouts%3Fq%3Dknee$/);
  await page.getByLabel("Email").fill(CLINICIAN.email);
  await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${RIVERSIDE}/handouts\\?q=knee$`));
});
