import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { RIVERSIDE, RIVERSIDE_OWNER, expectAccessible, signIn } from "./support";
import { pdftotextPages } from "../support/pdf-tools";

// A guide whose "When to Call Your Care Team" list (4 items) used to print 2 + 2 across a page break, looking
// like any other section: imported through the Library, handed out, read on paper and through the link.
const words = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const WARNING = [
  "When to Call Your Care Team",
  "Call your surgeon's office straight away, day or night, if you notice any of these:",
  "1. A fever of 101 °F (38.3 °C) or higher, or shaking chills.",
  "2. Redness, heat or swelling around the wound that gets worse, or fluid from the wound that smells bad.",
  "3. Pain, swelling or tenderness in your calf or thigh, which can be a sign of a blood clot.",
  "4. Pain that your medicines do not control.",
  "Call 911 if you have chest pain, trouble breathing or cough up blood: these can be signs of a blood clot in the lungs.",
];

test("warning signs print boxed under “Get help now”, on one page, and stand out on the patient's page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Knee Recovery ${Date.now()}`;
  const markdown = fs
    .readFileSync("tests/fixtures/guides/knee-replacement-recovery.md", "utf8")
    .replace(/^# .*$/m, `# ${title}`)
    .replace(/^title: .*$/m, `title: ${title}`);

  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/guides/import`);
  await page.getByLabel("…or paste the text").fill(markdown);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByLabel("Always include “When to Call Your Care Team”")).toBeChecked();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Imported “${title}”.` })).toBeVisible({ timeout: 20_000 });

  await page.getByRole("link", { name: "Use in a handout" }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
  await expect(page.getByLabel(/^Patient link and QR code/)).toBeChecked();
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 30_000 });
  const handoutPath = new URL(page.url()).pathname;

  // On paper: the label above the heading, and the whole section on one page.
  const pdf = Buffer.from(await (await page.request.get(`${handoutPath}/pdf`)).body());
  const pages = pdftotextPages(pdf, "-raw").map(words);
  const at = pages.findIndex((p) => p.includes("Get help now When to Call Your Care Team"));
  expect(at, "the label printed right above the section heading").toBeGreaterThanOrEqual(0);
  for (const line of WARNING) {
    expect(pages[at], `"${line}" on the warning section's page`).toContain(line);
    pages.forEach(
      (p, i) => i !== at && expect(p, `"${line}" only once, on page ${at + 1}`).not.toContain(line.slice(3)),
    );
  }

  // Through the patient link: a box named by its label and heading, its list whole.
  const url = await page.getByTestId("patient-link").getByLabel("Link address").inputValue();
  const patient = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const phone = await patient.newPage();
  await phone.goto(url);
  const box = phone.getByRole("region", { name: "Get help now When to Call Your Care Team" });
  await expect(box).toBeVisible();
  await expect(box.getByRole("listitem")).toHaveCount(4);
  await expect(box).toHaveCSS("border-top-color", "rgb(180, 35, 24)");
  await expectAccessible(phone);
  await phone.screenshot({ path: "test-results/screens/patient-page-warning-320.png", fullPage: true });
  await patient.close();
});
