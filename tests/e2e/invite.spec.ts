import { expect, test } from "@playwright/test";
import { expectFormError, RIVERSIDE, RIVERSIDE_OWNER, signIn, waitForMail } from "./support";

test("an owner invites a member; the email lands in the catcher; the invite is accepted in the browser, which is then signed in on the clinic", async ({
  page,
  browser,
}) => {
  const email = `new.colleague.${Date.now()}@riverside.example`;
  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("CLINICIAN");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite for ${email} is on its way`)).toBeVisible();
  await expect(page.locator("li", { hasText: email })).toBeVisible();

  const mail = await waitForMail(email);
  expect(mail.subject).toContain("Riverside Spine & Wellness");
  const link = mail.text?.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // The invitee opens the link in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(new URL(link!).pathname, process.env.E2E_BASE_URL).toString());
  await expect(invitee.getByRole("heading", { name: "Join Riverside Spine & Wellness" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Casey Colleague");
  await invitee.getByLabel("New password", { exact: true }).fill("short");
  await invitee.getByLabel("Confirm new password").fill("short");
  await invitee.getByRole("button", { name: "Accept invite" }).click();
  await expectFormError(invitee, "Use at least 12 characters.");

  await invitee.getByLabel("New password", { exact: true }).fill("river-otter-lantern-42");
  await invitee.getByLabel("Confirm new password").fill("river-otter-lantern-42");
  await invitee.getByRole("button", { name: "Accept invite" }).click();
  // Signed in at once, on the clinic that invited them: no second password prompt.
  await expect(invitee.getByRole("heading", { name: "Welcome, Casey Colleague" })).toBeVisible();
  await expect(invitee).toHaveURL(new RegExp(`/clinics/${RIVERSIDE}$`));
  await expect(invitee.getByText("Riverside Spine & Wellness · you are clinician")).toBeVisible();
  // A real session, like one from the sign-in form: it survives a reload and ends with Sign out.
  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "Welcome, Casey Colleague" })).toBeVisible();

  // The link worked once.
  await invitee.goto(new URL(new URL(link!).pathname, process.env.E2E_BASE_URL).toString());
  await expect(invitee.getByText(/expired, was already used/)).toBeVisible();
  await invitee.goto(`/clinics/${RIVERSIDE}`);
  await invitee.getByRole("button", { name: "Sign out" }).click();
  await expect(invitee.getByText("You are signed out.")).toBeVisible();
  await invitee.goto(`/clinics/${RIVERSIDE}`);
  await expect(invitee).toHaveURL(/\/login/);
  await context.close();

  await page.reload();
  await expect(page.locator("li", { hasText: "Casey Colleague" }).getByText(email)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pending invites" })).toHaveCount(0);
});
