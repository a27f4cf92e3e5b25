import { expect, test } from "@playwright/test";
import { CLINICIAN, LAKESIDE, RIVERSIDE, signIn } from "./support";

test("the demo clinician signs in, sees the clinic home, switches clinic and signs out", async ({ page }) => {
  await signIn(page, CLINICIAN);
  // A member of two clinics chooses one first.
  await expect(page.getByRole("heading", { name: "Your clinics" })).toBeVisible();
  await page.getByRole("link", { name: "Riverside Spine & Wellness" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${RIVERSIDE}$`));
  await expect(page.getByRole("heading", { name: `Welcome, ${CLINICIAN.name}` })).toBeVisible();
  await expect(page.getByText("Riverside Spine & Wellness · you are clinician")).toBeVisible();
  // Clinicians do not see the managers' pages.
  await expect(page.getByRole("navigation", { name: "Clinic" }).getByRole("link", { name: "Members" })).toHaveCount(0);

  await page.locator("summary", { hasText: "switch clinic" }).click();
  await page.getByRole("link", { name: "Lakeside Physical Therapy" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${LAKESIDE}$`));
  await expect(page.getByText("Lakeside Physical Therapy · you are clinician")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto(`/clinics/${RIVERSIDE}`);
  await expect(page).toHaveURL(/\/login/);

  // The next sign-in lands on the clinic used last, not the chooser.
  await signIn(page, CLINICIAN);
  await expect(page).toHaveURL(new RegExp(`/clinics/${LAKESIDE}$`));
});

test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(CLINICIAN.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("The email or password is incorrect.");

  await page.getByLabel("Email").fill("nobody@nowhere.example");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("The email or password is incorrect.");
});

test("empty fields get per-field messages", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("a callbackUrl to another site lands on the portal instead", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await page.getByLabel("Email").fill(CLINICIAN.email);
  await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The portal's own start page (here the clinic used last), never the other site.
  await expect(page).toHaveURL(/\/clinics\//);
  expect(new URL(page.url()).host).toBe(new URL(process.env.E2E_BASE_URL!).host);
});
