import { execFileSync } from "node:child_process";
import fs from "node:fs";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { pixelDiff, type Raw } from "../support/pixel-diff";
import { CLINICIAN, expectAccessible, RIVERSIDE, RIVERSIDE_OWNER, setPrimaryColour, signIn } from "./support";

const DIR = "test-results/pdf-preview";
const GUIDE = "Treating Back Spasms: A Comprehensive Guide";

/** Everything the page asked of another origin, and every CSP violation it reported. */
async function watchPolicy(page: Page, baseURL: string) {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
      foreign.push(r.url());
  });
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: unknown[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { cspViolations: unknown[] }).cspViolations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
      }),
    );
  });
  return async () => {
    expect(foreign, "requests to other origins").toEqual([]);
    const violations = (await page.evaluate(
      () => (window as unknown as { cspViolations: unknown[] }).cspViolations,
    )) as { directive: string; blocked: string; source: string }[];
    // zod 4 probes for eval with a caught `new Function("")` when the form schemas load (it then parses
    // without it): a report, not a failure, and not pdf.js's. Anything else is.
    const unexpected = [];
    for (const v of violations) {
      const code = v.source ? await (await page.request.get(v.source)).text() : "";
      const zodProbe =
        v.directive === "script-src" && v.blocked === "eval" && code.includes("jitless") && !code.includes("PDFWorker");
      if (!zodProbe) unexpected.push(v);
    }
    expect(unexpected, "CSP violations").toEqual([]);
  };
}

async function openBuilder(page: Page) {
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
}

/** Waits until the preview has fetched the form's latest PDF and drawn it. */
async function previewSettled(page: Page) {
  const preview = page.getByTestId("handout-preview");
  await expect(preview).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await expect(preview.locator("[data-painted-revision]")).toHaveAttribute("aria-busy", "false", { timeout: 15_000 });
  await expect(preview.getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible();
}

/** The canvas of page `n` as pixels, and its size in CSS pixels. */
async function canvasPixels(page: Page, n: number, file: string) {
  const canvas = page.getByRole("img", { name: new RegExp(`^Page ${n} of \\d+$`) });
  const { url, width, height, cssWidth } = await canvas.evaluate((c: HTMLCanvasElement) => ({
    url: c.toDataURL("image/png"),
    width: c.width,
    height: c.height,
    cssWidth: c.clientWidth,
  }));
  const png = Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
  fs.writeFileSync(file, png);
  return { raw: await decode(png), width, height, cssWidth };
}

async function decode(png: Buffer): Promise<Raw> {
  const { data, info } = await sharp(png)
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Page `n` of a PDF file by poppler, at exactly `width` x `height` pixels. */
async function popplerPixels(pdf: string, n: number, width: number, height: number): Promise<Raw> {
  const out = pdf.replace(/\.pdf$/, `-poppler-${n}`);
  execFileSync("pdftoppm", [
    "-png",
    "-f",
    String(n),
    "-l",
    String(n),
    "-scale-to-x",
    String(width),
    "-scale-to-y",
    String(height),
    "-singlefile",
    pdf,
    out,
  ]);
  return decode(fs.readFileSync(`${out}.png`));
}

async function saveMask(file: string, mask: Uint8Array, width: number, height: number) {
  const rgb = Buffer.alloc(width * height * 3, 255);
  mask.forEach((m, i) => m && rgb.fill(0, i * 3, i * 3 + 1) && rgb.fill(0, i * 3 + 1, i * 3 + 3));
  await sharp(rgb, { raw: { width, height, channels: 3 } })
    .png()
    .toFile(file);
}

test.describe("the PDF on screen", () => {
  // A 2x screen: the canvas must be drawn at device pixels, not stretched from CSS pixels.
  test.use({ deviceScaleFactor: 2, viewport: { width: 1280, height: 900 } });

  test("the builder's page 1 is the page Generate stores, and the handout page shows every page of it", async ({
    page,
    baseURL,
  }) => {
    fs.mkdirSync(DIR, { recursive: true });
    const checkPolicy = await watchPolicy(page, baseURL!);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await signIn(page, CLINICIAN);
    await openBuilder(page);
    await page.getByLabel("Causes", { exact: true }).uncheck();
    await page
      .getByLabel("Notes for this patient")
      .fill("Warm shower first thing.\n- Knees to chest, 5 times\n- Walk after lunch\n热敷 15 分钟 (heat, 15 minutes)");
    await page.getByLabel("Prepared for").fill("Sam");
    await previewSettled(page);
    // Drawn from the form as it is now (the notes are in it), not from a change before them.
    await expect(page.getByTestId("handout-preview").locator(".sr-only")).toContainText("Warm shower first thing.");
    await expect(page.getByText(/^Showing page 1 of \d+$/)).toBeVisible();

    const preview = await canvasPixels(page, 1, `${DIR}/builder-page-1.png`);
    expect(preview.width, "drawn at the device's pixel density").toBe(Math.round(preview.cssWidth * 2));
    await page.screenshot({ path: "test-results/screens/builder-preview-1280.png", fullPage: true });

    await page.getByRole("button", { name: "Generate PDF" }).click();
    await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
    const handoutPath = new URL(page.url()).pathname;
    const res = await page.request.get(`${handoutPath}/pdf`);
    const pdfFile = `${DIR}/stored.pdf`;
    fs.writeFileSync(pdfFile, await res.body());
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(1);

    const stored = await popplerPixels(pdfFile, 1, preview.width, preview.height);
    const diff = pixelDiff(preview.raw, stored);
    await saveMask(`${DIR}/builder-vs-stored-diff.png`, diff.mask, preview.width, preview.height);
    console.log(
      `[pdf-preview] builder page 1 (${preview.width}x${preview.height}) vs pdftoppm of the stored PDF: ${diff.differing} of ${diff.total} pixels differ (${(diff.ratio * 100).toFixed(3)}%)`,
    );
    expect(diff.ratio).toBeLessThanOrEqual(0.01);

    // The handout page: the stored PDF, page 1 first, then all of it.
    await expect(page.getByText(`Showing page 1 of ${pages}`, { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(1);
    const handoutCanvas = await canvasPixels(page, 1, `${DIR}/handout-page-1.png`);
    const handoutDiff = pixelDiff(
      handoutCanvas.raw,
      await popplerPixels(pdfFile, 1, handoutCanvas.width, handoutCanvas.height),
    );
    console.log(
      `[pdf-preview] handout page 1 (${handoutCanvas.width}x${handoutCanvas.height}): ${(handoutDiff.ratio * 100).toFixed(3)}% of pixels differ`,
    );
    expect(handoutDiff.ratio).toBeLessThanOrEqual(0.01);

    await page.getByRole("button", { name: `Show all ${pages} pages` }).click();
    await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(pages);
    await expect(page.getByRole("img", { name: `Page ${pages} of ${pages}` })).toBeVisible();
    await expect(page.getByText(`Showing all ${pages} pages`, { exact: true })).toBeVisible();
    const last = await canvasPixels(page, pages, `${DIR}/handout-page-${pages}.png`);
    expect(pixelDiff(last.raw, await popplerPixels(pdfFile, pages, last.width, last.height)).ratio).toBeLessThanOrEqual(
      0.01,
    );
    // The text of each page shown is there for screen readers, in the page's order.
    const text = await page.locator(".sr-only").allTextContents();
    expect(text.join("\n")).toContain("Warm shower first thing.");
    expect(text.join("\n")).toMatch(new RegExp(`Page ${pages} of ${pages}`));
    await page.screenshot({ path: "test-results/screens/handout-all-pages-1280.png", fullPage: true });
    await page.getByRole("button", { name: "Show page 1 only" }).click();
    await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(1);
    // Changed mind at once: the drawing of every page is cancelled, it never replaces page 1 afterwards.
    await page.getByRole("button", { name: `Show all ${pages} pages` }).click();
    await page.getByRole("button", { name: "Show page 1 only" }).click();
    await expect(page.locator("[data-painted-revision]")).toHaveAttribute("aria-busy", "false");
    await page.waitForTimeout(1000);
    await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(1);

    const worker = workers.find((w) => /^\/pdfjs\/pdf\.worker-[\d.]+\.min\.mjs$/.test(w));
    expect(worker, `pdf.js worker from our origin: ${workers}`).toBeTruthy();
    const served = await page.request.get(worker!);
    expect(served.headers()["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
    await checkPolicy();
  });
});

test("the builder fetches page 1 only until every page is asked for, and names characters no font has before Generate", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  const bodies: { all: boolean; pages: number; size: number }[] = [];
  page.on("response", async (r) => {
    if (!r.url().endsWith("/handouts/preview") || r.status() !== 200) return;
    const all = (r.request().postData() ?? "").includes('name="allPages"');
    bodies.push({ all, pages: Number(r.headers()["x-handout-pages"]), size: (await r.body()).length });
  });
  await openBuilder(page);
  await previewSettled(page);
  const count = Number((await page.getByText(/^Showing page 1 of \d+$/).textContent())!.match(/\d+$/)![0]);
  expect(count).toBeGreaterThan(1);
  expect(bodies.at(-1)).toMatchObject({ all: false, pages: count });
  await page.getByRole("button", { name: `Show all ${count} pages` }).click();
  await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(count, { timeout: 15_000 });
  await expect(page.getByRole("img", { name: `Page ${count} of ${count}` })).toBeVisible();
  expect(bodies.at(-1)).toMatchObject({ all: true, pages: count });
  expect(bodies.at(-1)!.size).toBeGreaterThan(bodies[0]!.size);
  // Typing while every page is shown keeps every page.
  await page.getByLabel("Notes for this patient").fill("Heat first.");
  await previewSettled(page);
  await expect(page.getByRole("img", { name: /^Page \d+ of \d+$/ })).toHaveCount(count);

  // U+E000 is in no font: the builder names it and the field, and Generate refuses it with the same words.
  await page.getByLabel("Notes for this patient").fill("Ice \uE000 daily.");
  await expect(
    page.getByText("These characters cannot be printed, so the handout cannot be generated yet:"),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("listitem").filter({ hasText: /^Notes for this patient: .*U\+E000/ })).toBeVisible();
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(
    page.getByText("These characters cannot be printed: “\uE000” (U+E000). Remove or replace them.").first(),
  ).toBeVisible();
  await expect(page).toHaveURL(/handouts\/new/);
});

test("at 375 px the builder's preview and the handout page fit the phone and meet WCAG 2.1 AA", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const fits = async () => {
    const canvas = page.getByRole("img", { name: /^Page 1 of \d+$/ });
    await expect(canvas).toBeVisible();
    const box = (await canvas.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width), "drawn at the width shown").toBe(
      Math.round(box.width),
    );
    await expectAccessible(page);
  };
  await signIn(page, CLINICIAN);
  await openBuilder(page);
  await previewSettled(page);
  await fits();
  await page.screenshot({ path: "test-results/screens/builder-preview-375.png", fullPage: true });
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  await fits();
  await page.screenshot({ path: "test-results/screens/handout-375.png", fullPage: true });
});

test("with a light clinic colour the builder and its preview still meet WCAG 2.1 AA", async ({ page }) => {
  await signIn(page, RIVERSIDE_OWNER);
  await setPrimaryColour(page, RIVERSIDE, "#ffee00");
  try {
    await openBuilder(page);
    await previewSettled(page);
    await expectAccessible(page);
    await page.screenshot({ path: "test-results/screens/builder-light-colour-1280.png", fullPage: true });
  } finally {
    // The demo clinic's colour, for the specs after this one.
    await setPrimaryColour(page, RIVERSIDE, "#1d4e89");
  }
});
