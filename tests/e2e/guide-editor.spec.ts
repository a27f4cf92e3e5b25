import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { CLINICIAN, expectAccessible, LAKESIDE_OWNER, RIVERSIDE, signIn } from "./support";
import { pdfimagesList } from "../support/pdf-tools";

// An ADMIN writes a guide with a picture and publishes it, a clinician makes a handout from it, the ADMIN
// publishes version 2, and the first handout keeps version 1's text.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const ARTIFACTS = "test-results/guide-editor";
const ADMIN = { email: `admin-${Date.now()}@riverside.example`, password: "riverside-admin-e2e-pass", name: "Alex Admin" };
const V1 = "Stand facing a wall with one foot behind the other.";
const V2 = "Stand an arm's length from a wall with your heels down.";
const CAPTION = "Hold for 30 seconds, then switch legs.";

test.beforeAll(async () => {
  // The demo has no ADMIN: one is added to Riverside straight in the database, as the invite flow would.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const passwordHash = await hash(ADMIN.password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const id = `e2e_admin_${Date.now()}`;
    await client.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, ADMIN.email, ADMIN.name, passwordHash]);
    await client.query(`INSERT INTO "Membership" ("id", "userId", "clinicId", "role") VALUES ($1, $2, $3, 'ADMIN')`, [`${id}_m`, id, RIVERSIDE]);
  } finally {
    await client.end();
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#7a9cc6" } }).jpeg().toFile(`${ARTIFACTS}/calf-stretch.jpg`);
});

const section = (page: Page, i: number) => page.locator("section[aria-labelledby^=section-]").nth(i);

async function downloadPdf(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = `${ARTIFACTS}/${name}.pdf`;
  await (await download).saveAs(file);
  return file;
}
const pdfText = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

let guideUrl = "";
let firstHandoutUrl = "";

test("an ADMIN writes a guide with two sections and a picture, and publishes it", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  await page.getByRole("button", { name: "Write a guide" }).click();
  await expect(page.getByRole("heading", { name: "New guide" })).toBeVisible();
  const title = `Calf Stretches ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary").fill("A stretch for tight calves.");

  const first = section(page, 0);
  await first.getByLabel("Section title").fill("The Stretch");
  await first.getByLabel("Text (Markdown)").fill(V1);
  await first.getByRole("button", { name: "Add a picture" }).click();
  await first.getByLabel(/^Picture/).setInputFiles(`${ARTIFACTS}/calf-stretch.jpg`);
  await first.getByLabel(/^Description/).fill("A person leaning on a wall, back leg straight");
  await first.getByLabel(/^Caption/).fill(CAPTION);
  await first.getByRole("button", { name: "Upload" }).click();
  await expect(first.getByLabel("Text (Markdown)")).toHaveValue(/!\[A person leaning on a wall, back leg straight\]\(image:\w+ "Hold for 30 seconds, then switch legs."\)/);
  // The live preview draws the picture from the clinic-checked route, with the reading grade.
  await expect(first.getByRole("img", { name: "A person leaning on a wall, back leg straight" })).toBeVisible();
  await expect(first.getByText(/Reading grade \d/)).toBeVisible();

  await page.getByRole("button", { name: "Add section" }).click();
  const second = section(page, 1);
  await second.getByLabel("Section title").fill("Disclaimer");
  await second.getByLabel("Text (Markdown)").fill("This sheet is general advice, not a diagnosis.");
  await second.getByRole("button", { name: "Bold" }).click();
  await expect(second.getByLabel("Text (Markdown)")).toHaveValue(/\*\*bold text\*\*/);
  await second.getByLabel("Text (Markdown)").fill("This sheet is general advice, not a diagnosis.");
  await expectAccessible(page);
  await page.screenshot({ path: `${ARTIFACTS}/editor.png`, fullPage: true });

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });
  guideUrl = page.url();
  const picture = page.getByRole("img", { name: "A person leaning on a wall, back leg straight" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expect(page.getByText(CAPTION)).toBeVisible();
  await expectAccessible(page);
});

test("a clinician makes a handout from it: the picture prints at >= 150 dpi with its caption; the editor is not theirs", async ({ page }) => {
  await signIn(page, CLINICIAN);
  const guideId = new URL(guideUrl).pathname.split("/").pop()!;
  await page.goto(`/clinics/${RIVERSIDE}/guides/${guideId}`);
  await expect(page.getByRole("button", { name: "Edit guide" })).toHaveCount(0);
  await page.getByRole("link", { name: "Use in a handout" }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
  await expect(page.getByTestId("handout-preview")).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  firstHandoutUrl = page.url().replace("?generated=1", "");
  const file = await downloadPdf(page, "version-1");
  const images = pdfimagesList(fs.readFileSync(file)).filter((i) => i.width === 1600);
  expect(images).toHaveLength(1);
  expect(images[0]!.xPpi).toBeGreaterThanOrEqual(150);
  expect(images[0]!.yPpi).toBeGreaterThanOrEqual(150);
  const text = pdfText(file);
  expect(text).toContain(CAPTION);
  expect(text).toContain(V1);
  execFileSync("pdftoppm", ["-png", "-r", "60", file, `${ARTIFACTS}/version-1`]);

  // The editor and its pictures' drafts are for managers only, even typed in directly.
  const res = await page.request.get(`/clinics/${RIVERSIDE}/guides/drafts/not-a-draft`);
  expect(res.status()).toBe(404);

  // The picture's route: members only, never sniffed, nothing in it runs; another clinic gets a 404.
  await page.goto(`/clinics/${RIVERSIDE}/guides/${guideId}`);
  const imageUrl = (await page.getByRole("img", { name: "A person leaning on a wall, back leg straight" }).getAttribute("src"))!;
  const image = await page.request.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({ "content-type": "image/jpeg", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; sandbox" });
  const stranger = await page.context().browser()!.newContext();
  const other = await stranger.newPage();
  await signIn(other, LAKESIDE_OWNER);
  expect((await other.request.get(imageUrl)).status()).toBe(404);
  await stranger.close();
});

test("the ADMIN edits a section and publishes version 2; the first handout still shows version 1's text", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await page.goto(guideUrl);
  await page.getByRole("button", { name: "Edit guide" }).click();
  await expect(page.getByRole("heading", { name: /Calf Stretches/ })).toBeVisible();
  await expect(page.getByText("Draft of version 2.")).toBeVisible();
  const draftUrl = page.url();
  const first = section(page, 0);
  const text = first.getByLabel("Text (Markdown)");
  await expect(text).toHaveValue(new RegExp(`^${V1}`));
  await text.fill((await text.inputValue()).replace(V1, V2));
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("link", { name: "Version 2" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(V2)).toBeVisible();
  await expect(page.getByText("Changed in this version")).toHaveCount(1);

  // The draft is gone with the publish; a clinician is refused the editor for any draft id.
  const clinician = await browser.newPage();
  await signIn(clinician, CLINICIAN);
  expect((await clinician.request.get(draftUrl)).status()).toBe(404);
  await clinician.goto(firstHandoutUrl);
  const file = await downloadPdf(clinician, "first-handout-after-v2");
  const pdf = pdfText(file);
  expect(pdf).toContain(V1);
  expect(pdf).not.toContain(V2);
  expect(pdf).toContain(CAPTION);
  await clinician.close();
});
