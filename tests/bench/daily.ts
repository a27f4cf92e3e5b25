// `npm run bench:daily [-- --json]`: the daily job as a clinician does it, in Chromium against a production
// build (lib/dev/with-app.mjs starts the portal): clicks and wall time from the clinic home to an emailed
// handout, (1) from a template with "Make and email", (2) from a guide with one section unticked and one
// moved to the top. Each flow runs three times; the figures are the median (clicks never vary).
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { CLINICIAN, RIVERSIDE } from "../e2e/support";
import { guideFlow, templateFlow } from "../e2e/daily-flows";

const json = process.argv.includes("--json");
const base = process.env.E2E_BASE_URL!;
const executablePath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
});
const page = await (await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } })).newPage();
const home = `/clinics/${RIVERSIDE}`;
const GUIDE = "Treating Back Spasms: A Comprehensive Guide";

await page.goto("/login");
await page.getByLabel("Email").fill(CLINICIAN.email);
await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));

// Setup (not measured): the clinic's usual handout as a template.
const template = `Usual back handout ${Date.now()}`;
await page.goto(`${home}/handouts/new`);
await page.getByRole("link", { name: GUIDE }).click();
await page.getByLabel("Causes", { exact: true }).uncheck();
await page.getByLabel("Template name").fill(template);
await page.getByRole("button", { name: "Save as template" }).click();
await page.getByText(`Template “${template}” saved.`).waitFor();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = {
  template: [] as { clicks: number; seconds: number }[],
  guide: [] as { clicks: number; seconds: number }[],
};
for (let i = 0; i < 3; i++) {
  runs.template.push(await templateFlow(page, home, template, `bench.t${i}@patient.example`));
  runs.guide.push(await guideFlow(page, home, GUIDE, "Risk Factors", "Prevention", `bench.g${i}@patient.example`));
}
await browser.close();

const result = {
  templateClicks: Math.max(...runs.template.map((r) => r.clicks)),
  templateSeconds: Math.round(median(runs.template.map((r) => r.seconds)) * 100) / 100,
  guideClicks: Math.max(...runs.guide.map((r) => r.clicks)),
  guideSeconds: Math.round(median(runs.guide.map((r) => r.seconds)) * 100) / 100,
};
console.log(
  json
    ? JSON.stringify(result)
    : `From the clinic home to an emailed handout (median of 3):\n  template, Make and email: ${result.templateClicks} clicks + typing the address, ${result.templateSeconds} s (target ≤ 3 clicks, ≤ 10 s)\n  guide, one section unticked, one moved to the top: ${result.guideClicks} clicks + typing, ${result.guideSeconds} s (target ≤ 8 clicks)`,
);
