import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { CLINICIAN, LAKESIDE, LAKESIDE_OWNER, RIVERSIDE, signIn, waitForMail } from "./support";
import { guideFlow, templateFlow } from "./daily-flows";

const GUIDE = "Treating Back Spasms: A Comprehensive Guide";
const home = `/clinics/${RIVERSIDE}`;

test.describe.configure({ mode: "serial" });

test("a template made in the builder keeps the contact edits; from the clinic home it is generated and emailed in 3 clicks", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`${home}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await page.getByLabel("Causes", { exact: true }).uncheck();
  await page.getByLabel("Direct line").fill("(555) 010-4242");
  const name = `Daily back ${Date.now()}`;
  await page.getByLabel("Template name").fill(name);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText(`Template “${name}” saved.`)).toBeVisible();

  // The contact edit comes back in the builder, and the handout is called what the template is called.
  await page.goto(`${home}/templates?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name: `New handout from template: ${name}` }).click();
  await expect(page.getByLabel("Direct line")).toHaveValue("(555) 010-4242");
  await expect(page.getByLabel("Handout title")).toHaveValue(name);

  const flow = await templateFlow(page, home, name, "daily.template@patient.example");
  expect(flow.clicks).toBeLessThanOrEqual(3);
  const mail = await waitForMail("daily.template@patient.example", 20_000);
  expect(mail.subject).toContain("Riverside Spine & Wellness");
});

test("a fresh demo clinic ships templates, so the 3-click flow works before anyone saves one", async ({ page }) => {
  await signIn(page, LAKESIDE_OWNER);
  await expect(page).toHaveURL(`/clinics/${LAKESIDE}`);
  await expect(
    page.getByRole("listitem").filter({ hasText: "Back spasm basics" }).getByRole("button", { name: "Make and email" }),
  ).toBeVisible();
  const flow = await templateFlow(
    page,
    `/clinics/${LAKESIDE}`,
    "Back spasm basics",
    "daily.demo-template@patient.example",
  );
  expect(flow.clicks).toBeLessThanOrEqual(3);
  // The plain-language variant, as the clinic starts handouts.
  await expect(page.getByText("Back Spasms: The Basics", { exact: false }).first()).toBeVisible();
  await waitForMail("daily.demo-template@patient.example", 20_000);
});

test("from the clinic home, a guide handout with one section unticked and one moved to the top is emailed in 8 clicks or fewer", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  const flow = await guideFlow(page, home, GUIDE, "Risk Factors", "Prevention", "daily.guide@patient.example");
  expect(flow.clicks).toBeLessThanOrEqual(8);
  await expect(
    page
      .getByRole("definition")
      .filter({ hasText: /^Prevention, What Is a Back Spasm, Symptoms, Causes, Treatment, Disclaimer$/ }),
  ).toBeVisible();
  await waitForMail("daily.guide@patient.example", 20_000);
});

test("a draft survives a reload and a sign-out; leaving with unsaved changes asks first; Discard removes it", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`${home}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  const notes = `Draft notes ${Date.now()}`;
  await page.getByLabel("Notes for this patient").fill(notes);
  await expect(page.getByText(/^Draft saved at /)).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/handouts\/new\?draft=/);
  await page.reload();
  await expect(page.getByLabel("Notes for this patient")).toHaveValue(notes);

  // A change not saved yet: the menu link asks first; staying keeps the text.
  await page.getByLabel("Notes for this patient").fill(`${notes} and more`);
  let asked = "";
  page.once("dialog", async (d) => {
    asked = d.message();
    await d.dismiss();
  });
  await page.getByRole("navigation").getByRole("link", { name: "Handouts" }).click();
  expect(asked).toMatch(/not saved yet/);
  await expect(page.getByLabel("Notes for this patient")).toHaveValue(`${notes} and more`);
  await expect(page.getByText(/^Draft saved at /)).toBeVisible({ timeout: 10_000 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, CLINICIAN);
  await page.goto(home);
  await page.getByRole("region", { name: "Drafts to finish" }).getByRole("link", { name: GUIDE }).first().click();
  await expect(page.getByLabel("Notes for this patient")).toHaveValue(`${notes} and more`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(page.getByText(`${notes} and more`)).toHaveCount(0);
});

test("Print opens the stored PDF inline with the same checks; a voided handout can no longer be emailed", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`${home}/handouts`);
  await page.getByRole("link", { name: GUIDE }).first().click();
  const sha = (await page
    .getByRole("definition")
    .filter({ hasText: /^[0-9a-f]{64}$/ })
    .textContent())!.trim();
  const print = page.getByRole("link", { name: "Print" }).first();
  await expect(print).toHaveAttribute("target", "_blank");
  const res = await page.request.get((await print.getAttribute("href"))!);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="[a-z0-9-]+\.pdf"$/);
  expect(
    crypto
      .createHash("sha256")
      .update(await res.body())
      .digest("hex"),
  ).toBe(sha);

  await page.getByRole("button", { name: "Void this handout…" }).click();
  await page.getByLabel("Reason").fill("Made for the wrong patient");
  await page.getByRole("button", { name: "Void handout" }).click();
  await expect(page.getByText("This handout is void.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Email to patient" })).toHaveCount(0);
  await page.goto(`${home}/handouts?voided=yes`);
  await expect(page.getByText("Void", { exact: true }).first()).toBeVisible();
});
