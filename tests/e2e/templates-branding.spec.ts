import { execFileSync } from "node:child_process";
import fs from "node:fs";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { solidPng } from "../support/png";
import { CLINICIAN, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

const DIR = "test-results/branding";

async function generateFromGuide(page: Page, notes: string) {
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByLabel("Notes for this patient").fill(notes);
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  return new URL(page.url()).pathname;
}

async function page1(page: Page, handoutPath: string, name: string) {
  const res = await page.request.get(`${handoutPath}/pdf`);
  expect(res.status()).toBe(200);
  const pdf = `${DIR}/${name}.pdf`;
  fs.writeFileSync(pdf, await res.body());
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, `${DIR}/${name}`]);
  // The colour bar: right-hand side of the header band, clear of the logo and the text.
  const { data } = await sharp(`${DIR}/${name}-1.png`)
    .extract({ left: 420, top: 40, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((l) => l.trim());
  return { rgb: [...data.subarray(0, 3)], images };
}

const close = (rgb: number[], hex: string) => {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return rgb.every((v, i) => Math.abs(v - want[i]!) <= 6);
};

test("an admin changes logo and colour; the next handout shows them, an older one is unchanged", async ({ page }) => {
  fs.mkdirSync(DIR, { recursive: true });
  const logoFile = `${DIR}/logo.png`;
  fs.writeFileSync(logoFile, solidPng(240, 80, [250, 180, 20]));

  await signIn(page, RIVERSIDE_OWNER);
  const older = await generateFromGuide(page, "Before the rebrand.");
  const before = await page1(page, older, "older-before");
  expect(close(before.rgb, "#1d4e89"), `bar colour ${before.rgb}`).toBe(true);
  expect(before.images).toHaveLength(0);

  await page.goto(`/clinics/${RIVERSIDE}/settings`);
  await page.getByLabel("Upload a logo").setInputFiles(logoFile);
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo saved.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current clinic logo" })).toBeVisible();

  await page.getByLabel("Primary colour", { exact: true }).fill("#8b1d5e");
  await expect(page.getByText(/White text on the primary colour: contrast \d+\.\d:1/)).toBeVisible();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Handouts generated from now on use these settings.")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/settings-1280.png", fullPage: true });

  const newer = await generateFromGuide(page, "After the rebrand.");
  const after = await page1(page, newer, "newer");
  expect(close(after.rgb, "#8b1d5e"), `bar colour ${after.rgb}`).toBe(true);
  expect(after.images.length).toBeGreaterThanOrEqual(1);
  expect(after.images[0]).toMatch(/\bimage\s+240\s+80\b/);

  // The older handout keeps the branding it was generated with.
  const again = await page1(page, older, "older-after");
  expect(close(again.rgb, "#1d4e89"), `bar colour ${again.rgb}`).toBe(true);
  expect(again.images).toHaveLength(0);

  // Put the demo clinic's colour back for the other specs.
  await page.goto(`/clinics/${RIVERSIDE}/settings`);
  await page.getByLabel("Primary colour", { exact: true }).fill("#1d4e89");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
});

test("a clinician saves a template from the builder and starts a new handout from it with the same choices", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByLabel("Causes", { exact: true }).uncheck();
  await page.getByLabel("Risk Factors", { exact: true }).uncheck();
  for (let i = 0; i < 5; i++) {
    const up = page.getByRole("button", { name: "Move Treatment up" });
    if (await up.isDisabled()) break;
    await up.click();
  }
  await page.getByLabel("Notes for this patient").fill("Heat, then gentle stretches.\n- Morning\n- Evening");
  const name = `Acute spasm ${Date.now()}`;
  await page.getByLabel("Template name").fill(name);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText(`Template “${name}” saved.`)).toBeVisible();

  await page.goto(`/clinics/${RIVERSIDE}/templates?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("Treatment, What Is a Back Spasm, Symptoms, Prevention")).toBeVisible();
  await page.getByRole("link", { name: `New handout from template: ${name}` }).click();
  await expect(page.getByText(`Started from the template “${name}”.`)).toBeVisible();
  await expect(page.getByLabel("Notes for this patient")).toHaveValue(
    "Heat, then gentle stretches.\n- Morning\n- Evening",
  );
  await expect(page.getByLabel("Causes", { exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  await expect(
    page
      .getByRole("definition")
      .filter({ hasText: "Treatment, What Is a Back Spasm, Symptoms, Prevention, Disclaimer" }),
  ).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: name })).toBeVisible();

  await page.goto(`/clinics/${RIVERSIDE}/templates?q=${encodeURIComponent(name)}`);
  await expect(page.getByText(/used 1 time, last on/)).toBeVisible();
});

test("Settings: errors are summed up at the top of the form and focused, each linked to its field; a logo too large or not a picture is named for what it is", async ({
  page,
}) => {
  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/settings`);
  await page.getByLabel("Clinic name").fill("");
  await page.getByLabel("Primary colour", { exact: true }).fill("yellow");
  await page.getByRole("button", { name: "Save settings" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  // The focus moves to the summary, which scrolls into view: the messages are no longer off screen.
  await expect(page.locator(":focus")).toContainText("There is a problem");
  await expect(summary).toBeInViewport();
  await expect(summary.getByRole("link")).toHaveText([
    "Clinic name: Enter the clinic name.",
    "Primary colour: Use a colour like #1d4e89.",
  ]);
  await expect(page.getByLabel("Clinic name")).toHaveAttribute("aria-invalid", "true");
  await summary.getByRole("link", { name: "Primary colour: Use a colour like #1d4e89." }).click();
  await expect(page.getByLabel("Primary colour", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Primary colour", { exact: true })).toHaveValue("yellow");
  await page.screenshot({ path: "test-results/screens/settings-errors-1280.png", fullPage: false });

  // A 30 MB logo is stopped in the browser, with the logo's own limit; nothing is sent.
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") sent.push(r.url());
  });
  const logo = page.getByLabel("Upload a logo");
  await logo.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(30 * 1024 * 1024, 1) });
  await page.getByRole("button", { name: "Upload logo" }).click();
  const logoSummary = page.locator("form", { has: logo }).getByRole("alert");
  await expect(
    logoSummary.getByRole("link", {
      name: "Upload a logo: “huge.png” is 30 MB: a logo can be at most 2 MB. Choose a smaller file.",
    }),
  ).toBeVisible();
  await expect(page.locator(":focus")).toContainText("huge.png");
  await expect(page.getByText(/21(\.0)? MB|shorten the text/)).toHaveCount(0);
  expect(sent).toEqual([]);

  // Text saved as .png: the server says what it really is (not the SVG message).
  await logo.setInputFiles({
    name: "notes.png",
    mimeType: "image/png",
    buffer: Buffer.from("These are my notes, not a picture.\n".repeat(20)),
  });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(logoSummary).toContainText(
    "This file is named or labelled as a PNG picture, but it is not one (it holds text).",
  );
  await expect(logoSummary).not.toContainText("SVG");
});
