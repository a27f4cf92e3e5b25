import { expect, test } from "@playwright/test";
import { CLINICIAN, expectFormError, RIVERSIDE, signIn, waitForMail } from "./support";

test("the demo clinician emails a generated handout with the PDF attached (after the notice); it lands in the catcher and turns to sent without a reload", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByLabel("Notes for this patient").fill("Ice for 15 minutes after work.");
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });

  const to = `patient.${Date.now()}@example.com`;
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expectFormError(page, "Confirm that the patient asked to get this handout by email.");
  await expectFormError(page, "Enter the patient's email address.");

  // The handout has a patient link, so the email carries only the link unless the PDF is asked for.
  await expect(page.getByLabel("The patient link only")).toBeChecked();
  await page.getByLabel("The PDF attached").check();
  await page.getByLabel("Patient's email address").fill(to);
  await page.getByLabel("Personal message (optional)").fill("As we discussed today.");
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expectFormError(page, "Confirm that you read the notice about email before attaching the PDF.");
  await page.getByLabel("I have read this, and the patient wants the PDF attached.").check();
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(page.getByText("The email is queued.")).toBeVisible();

  const masked = `${to[0]}***@example.com`;
  const row = page.locator("li", { hasText: masked });
  await expect(row.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });

  const mail = await waitForMail(to);
  expect(mail.subject).toBe("Your handout from Riverside Spine & Wellness");
  expect(mail.text).toContain("As we discussed today.");
  expect(mail.attachments[0]?.contentType).toBe("application/pdf");
  expect(mail.attachments[0]?.filename).toMatch(/^handout-\d{4}-\d{2}-\d{2}\.pdf$/);

  // The PDF attached is the one stored for this handout.
  const stored = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(Buffer.compare(await stored.body(), mail.attachments[0]!.content)).toBe(0);
});

test('a likely typo in the address asks "did you mean …?", and a second email of the handout to the same address asks first, with the date of the first', async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });

  const local = `jane.${Date.now()}`;
  const address = page.getByLabel("Patient's email address");
  await address.fill(`${local}@example.con`);
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  const check = page.getByRole("alert").filter({ hasText: "Check the address before sending" });
  await expect(check).toContainText(`${local}@example.con may be mistyped. Did you mean ${local}@example.com?`);
  // It asks; nothing was queued, and what was ticked stays ticked.
  await expect(page.getByText("The email is queued.")).toHaveCount(0);
  await expect(page.getByLabel("The patient asked to get this handout by email.")).toBeChecked();
  await page.getByRole("button", { name: `Use ${local}@example.com` }).click();
  await expect(address).toHaveValue(`${local}@example.com`);
  await expect(address).toBeFocused();
  await expect(check).toHaveCount(0);
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(page.getByText("The email is queued.")).toBeVisible();
  const deliveries = page.locator("li", { hasText: `${local[0]}***@example.com` });
  await expect(deliveries).toHaveCount(1);
  await expect(deliveries.getByText("Sent", { exact: true })).toBeVisible({ timeout: 20_000 });
  await waitForMail(`${local}@example.com`);

  // The same address again (typed another way): asked first, with when the first one was sent.
  await address.fill(`  ${local.toUpperCase()}@Example.com `);
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(check).toContainText(
    /This handout was already sent to j\*\*\*@example\.com on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M\./,
  );
  await expect(check).not.toContainText("mistyped");
  await expect(deliveries).toHaveCount(1);
  await page.getByRole("button", { name: "Send it again" }).click();
  await expect(page.getByText("The email is queued.")).toBeVisible();
  await expect(deliveries).toHaveCount(2);
});
