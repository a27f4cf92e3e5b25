import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import {
  captureGenerate,
  CLINICIAN,
  expectAccessible,
  expectFormError,
  LAKESIDE_OWNER,
  RIVERSIDE,
  RIVERSIDE_OWNER,
  signIn,
} from "./support";

const ARTIFACTS = "test-results/handout";

test("the demo clinician builds, generates and downloads a handout from the back-spasms guide", async ({ page }) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();

  // Deselect Causes, move Prevention to the top with the keyboard-friendly buttons.
  await page.getByLabel("Causes", { exact: true }).uncheck();
  for (let i = 0; i < 5; i++) {
    const up = page.getByRole("button", { name: "Move Prevention up" });
    if (await up.isDisabled()) break;
    await up.click();
  }
  await expect(page.getByRole("button", { name: "Move Prevention up" })).toBeDisabled();
  await expect(page.getByLabel("Disclaimer")).toBeDisabled();

  const notes =
    "Walk 10 minutes twice a day.\n- Heat pack 15 minutes before stretching\n- Call us if the pain spreads down your leg";
  await page.getByLabel("Notes for this patient").fill(notes);
  await expect(page.getByText(`${notes.length} / 4,000 characters`)).toBeVisible();
  // 21 words, two of three lines bullet points: too few for a formula, said in words instead of "grade 0.0".
  await expect(page.getByTestId("meter-notes-reading-level")).toHaveText(
    "Notes reading level: too short to score · 21 words (a level needs 30)",
  );
  await expect(page.getByTestId("meter-whole-handout")).toHaveText(/^Whole handout: grade \d+\.\d · [\d,]+ words/);
  await page.getByLabel("Direct line").fill("(555) 010-9999");
  await page.getByLabel("Prepared for").fill("Jo");

  // The preview is the PDF itself, rendered again after the changes.
  await expect(page.getByRole("heading", { name: /^The PDF: \d+ pages?$/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("handout-preview")).toHaveAttribute("aria-busy", "false");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/builder-1280.png", fullPage: true });

  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  const handoutUrl = page.url();
  await expect(
    page.getByText("Prevention, What Is a Back Spasm, Symptoms, Risk Factors, Treatment, Disclaimer"),
  ).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^treating-back-spasms-a-comprehensive-guide-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = `${ARTIFACTS}/handout.pdf`;
  await download.saveAs(pdfPath);

  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  const at = (s: string) => {
    const i = text.indexOf(s);
    expect(i, `"${s}" in the PDF text`).toBeGreaterThanOrEqual(0);
    return i;
  };
  expect(at("Treating Back Spasms")).toBeLessThan(at("Walk 10 minutes twice a day."));
  expect(at("Prevention")).toBeLessThan(at("What Is a Back Spasm"));
  expect(at("What Is a Back Spasm")).toBeLessThan(at("Risk Factors"));
  expect(text).not.toMatch(/\bCauses\b\n/);
  at("(555) 010-9999");
  at("Heat pack 15 minutes before stretching");
  at("Prepared for Jo");
  expect(text).toMatch(/Page 1 of \d/);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdfPath, `${ARTIFACTS}/page`]);

  // It is listed, and its page shows who made it.
  await page.goto(`/clinics/${RIVERSIDE}/handouts?q=Jo`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).first().click();
  await expect(page).toHaveURL(handoutUrl.replace("?generated=1", ""));
  await expect(page.getByRole("definition").filter({ hasText: CLINICIAN.name })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/handout-1280.png", fullPage: true });
});

test("bad input in the builder gets per-field messages and stores nothing", async ({ page }) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts`);
  const before = await page.getByText(/^\d+ handouts?$/).textContent();
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByLabel("Handout title").fill("");
  await page.getByLabel("Prepared for").fill("Jo Ann Smith-Jones 1970");
  await page.getByLabel("Website").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expectFormError(page, "Enter a title for the handout.");
  await expectFormError(page, "Use letters only: a first name or initials.");
  await expectFormError(page, /Use a full https:\/\/ address/);
  await expect(page.getByLabel("Handout title")).toHaveAttribute("aria-invalid", "true");
  await page.goto(`/clinics/${RIVERSIDE}/handouts`);
  await expect(page.getByText(/^\d+ handouts?$/)).toHaveText(before!);
});

test("another clinic cannot open or download the handout", async ({ page, browser }) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts`);
  const link = page.locator(`main a[href^="/clinics/${RIVERSIDE}/handouts/"]`).first();
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, LAKESIDE_OWNER);
  expect((await otherPage.goto(href!))?.status()).toBe(404);
  const res = await otherPage.request.get(`${href}/pdf`);
  expect(res.status()).toBe(404);
  // Nor the copy the handout page draws (pdf/view), fetched as the page fetches it.
  const view = await otherPage.request.get(`${href}/pdf/view`, { headers: { "sec-fetch-dest": "empty" } });
  expect(view.status()).toBe(404);
  await other.close();
});

test("the handout page's PDF comes from pdf/view: revalidated by its SHA-256, and an address to open in a tab goes back to the page", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  const fetched = page.waitForResponse((r) => /\/handouts\/[a-z0-9]+\/pdf\/view$/.test(r.url()));
  await captureGenerate(page, RIVERSIDE, "Fetched by the viewer", { saved: 30_000 });
  const href = new URL(page.url()).pathname;
  const res = await fetched;
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["cache-control"]).toBe("private, no-cache");
  const etag = res.headers()["etag"]!;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  await expect(page.getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible();
  const again = await page.request.get(`${href}/pdf/view`, {
    headers: { "sec-fetch-dest": "empty", "if-none-match": etag },
  });
  expect(again.status()).toBe(304);
  const opened = await page.request.get(`${href}/pdf/view`, {
    headers: { "sec-fetch-dest": "document" },
    maxRedirects: 0,
  });
  expect(opened.status()).toBe(303);
  expect(new URL(opened.headers()["location"]!, "http://x").pathname).toBe(href);
});

test("notes: a long paste keeps its first 4,000 characters and says how many were cut; text too short or too list-like is not scored; the header says drafts are kept", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await expect(
    page.getByText("Your choices are kept as a draft as you type (only you see it); Generate PDF makes the handout."),
  ).toBeVisible();
  await expect(page.getByText(/Nothing is saved/)).toHaveCount(0);

  const notes = page.getByLabel("Notes for this patient");
  const meter = page.getByTestId("meter-notes-reading-level");
  await notes.fill("- Ice 20 minutes\n- Rest\n- Walk daily");
  await expect(meter).toHaveText("Notes reading level: too short to score · 6 words (a level needs 30)");
  await notes.fill(
    ["Do these at home:", ...Array.from({ length: 12 }, (_, i) => `- Stretch ${i + 1} slowly twice`)].join("\n"),
  );
  await expect(meter).toHaveText("Notes reading level: lists are not scored · 52 words, mostly bullet points");
  await notes.fill(
    "Rest your back for a day or two. Then start to walk a little each morning and evening. Use a warm pack for twenty minutes when the muscle feels tight. Call us if the pain spreads down your leg.",
  );
  await expect(meter).toHaveText(/^Notes reading level: grade \d+\.\d · 39 words$/);

  // 158,892 characters pasted (Ctrl+V): the first 4,000 are kept, and the page says how many were cut.
  const sentence = "Keep the heat pack on for fifteen minutes, then stretch gently. ";
  const pasted = sentence.repeat(Math.ceil(158_892 / sentence.length)).slice(0, 158_892);
  await notes.fill("");
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await notes.focus();
  await page.keyboard.press("Control+V");
  await expect(
    page.getByText(
      "154,892 characters were cut from the end of what you pasted: notes hold at most 4,000 characters. The first 4,000 are in the notes.",
    ),
  ).toBeVisible();
  await expect(notes).toHaveValue(pasted.slice(0, 4000));
  await expect(page.getByText("4,000 / 4,000 characters")).toBeVisible();
  await expect(meter).toHaveText(/^Notes reading level: grade \d+\.\d · [\d,]+ words$/);
  const grade = Number((await meter.textContent())!.match(/grade (\d+\.\d)/)![1]);
  expect(grade).toBeLessThan(20);
  // A paste that fits is pasted as it is, and the notice goes.
  await notes.fill("Short notes.");
  await page.evaluate(() => navigator.clipboard.writeText(" And more."));
  await notes.press("End");
  await page.keyboard.press("Control+V");
  await expect(notes).toHaveValue("Short notes. And more.");
  await expect(page.getByText(/characters were cut/)).toHaveCount(0);
});

test("Activity leaves page views out unless asked for, and shows this computer's address one way (not ::1 and 127.0.0.1)", async ({
  page,
}) => {
  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  for (let i = 0; i < 3; i++) await page.reload();

  await page.goto(`/clinics/${RIVERSIDE}/activity`);
  const log = page.getByRole("list", { name: "Activity log" });
  const views = log.getByRole("listitem").filter({ hasText: /: Handout opened( ·|$)/ });
  await expect(log.getByRole("listitem").first()).toBeVisible();
  await expect(views).toHaveCount(0);
  await expect(page.getByText(/page views left out/)).toBeVisible();
  await expect(log.getByText(/^from localhost$/).first()).toBeVisible();
  await expect(log.getByText(/::1|127\.0\.0\.1|::ffff:/)).toHaveCount(0);

  await page.getByLabel("Include page views").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/views=1/);
  expect(await views.count()).toBeGreaterThanOrEqual(4);
  await expect(log.getByText(/::1|127\.0\.0\.1|::ffff:/)).toHaveCount(0);
});
