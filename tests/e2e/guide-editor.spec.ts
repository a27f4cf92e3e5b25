import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { CLINICIAN, expectAccessible, LAKESIDE_OWNER, RIVERSIDE, signIn } from "./support";
import { strToU8, zipSync } from "fflate";
import { pdfimagesList } from "../support/pdf-tools";

// An ADMIN writes a guide with a picture and publishes it, a clinician makes a handout from it, the ADMIN
// publishes version 2, and the first handout keeps version 1's text; then the ADMIN imports a zip with the
// guide's title and picture, which becomes version 3 with only the changed section marked.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const ARTIFACTS = "test-results/guide-editor";
const ADMIN = {
  email: `admin-${Date.now()}@riverside.example`,
  password: "riverside-admin-e2e-pass",
  name: "Alex Admin",
};
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
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [id, ADMIN.email, ADMIN.name, passwordHash],
    );
    await client.query(`INSERT INTO "Membership" ("id", "userId", "clinicId", "role") VALUES ($1, $2, $3, 'ADMIN')`, [
      `${id}_m`,
      id,
      RIVERSIDE,
    ]);
  } finally {
    await client.end();
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#7a9cc6" } })
    .jpeg()
    .toFile(`${ARTIFACTS}/calf-stretch.jpg`);
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
let guideTitle = "";
let firstHandoutUrl = "";

test("an ADMIN writes a guide with two sections and a picture, and publishes it", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  await page.getByRole("button", { name: "Write a guide" }).click();
  await expect(page.getByRole("heading", { name: "New guide" })).toBeVisible();
  const title = `Calf Stretches ${Date.now()}`;
  guideTitle = title;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary").fill("A stretch for tight calves.");
  await page.getByLabel("Suggested for (clinical codes)").fill("ICD-10-CM M62.831 Muscle spasm of calf");

  const first = section(page, 0);
  await first.getByLabel("Section title").fill("The Stretch");
  await first.getByLabel("Text (Markdown)").fill(V1);
  await first.getByRole("button", { name: "Add a picture" }).click();
  await first.getByLabel(/^Picture/).setInputFiles(`${ARTIFACTS}/calf-stretch.jpg`);
  await first.getByLabel(/^Description/).fill("A person leaning on a wall, back leg straight");
  await first.getByLabel(/^Caption/).fill(CAPTION);
  await first.getByRole("button", { name: "Upload" }).click();
  await expect(first.getByLabel("Text (Markdown)")).toHaveValue(
    /!\[A person leaning on a wall, back leg straight\]\(image:\w+ "Hold for 30 seconds, then switch legs."\)/,
  );
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

  // Publish asks first, saying what publishing does.
  await page.getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog", { name: `Publish “${title}”?` });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText("It goes into your clinic's library as version 1");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Published “${title}”: it is in your clinic's library, ready for handouts.` }),
  ).toBeVisible();
  guideUrl = page.url().replace(/\?.*$/, "");
  const picture = page.getByRole("img", { name: "A person leaning on a wall, back leg straight" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expect(page.getByText(CAPTION)).toBeVisible();
  await expect(page.getByText("Suggested for: M62.831 Muscle spasm of calf (ICD-10-CM)")).toBeVisible();
  await expectAccessible(page);
});

test("a clinician makes a handout from it: the picture prints at >= 150 dpi with its caption; the editor is not theirs", async ({
  page,
}) => {
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
  const imageUrl = (await page
    .getByRole("img", { name: "A person leaning on a wall, back leg straight" })
    .getAttribute("src"))!;
  const image = await page.request.get(imageUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({
    "content-type": "image/jpeg",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  });
  const stranger = await page.context().browser()!.newContext();
  const other = await stranger.newPage();
  await signIn(other, LAKESIDE_OWNER);
  expect((await other.request.get(imageUrl)).status()).toBe(404);
  await stranger.close();
});

test("the ADMIN edits a section and publishes version 2; the first handout still shows version 1's text", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await page.goto(guideUrl);
  await page.getByRole("button", { name: "Edit guide" }).click();
  await expect(page.getByRole("heading", { name: /Calf Stretches/ })).toBeVisible();
  await expect(page.getByText("Draft of version 2.")).toBeVisible();
  const draftUrl = page.url();

  // The same draft open in a second tab of the same person: a save there after this one's names no one else.
  const otherTab = await page.context().newPage();
  await otherTab.goto(draftUrl);
  await section(otherTab, 0).getByLabel("Section title").fill("The Calf Stretch");
  const first = section(page, 0);
  const text = first.getByLabel("Text (Markdown)");
  await expect(text).toHaveValue(new RegExp(`^${V1}`));
  await text.fill((await text.inputValue()).replace(V1, V2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible({ timeout: 20_000 });
  await otherTab.getByRole("button", { name: "Save draft" }).click();
  await expect(
    otherTab.getByText(
      /^You saved this draft in another tab or window at \d{1,2}:\d{2} [AP]M UTC, after this page opened it/,
    ),
  ).toBeVisible({ timeout: 20_000 });
  await expect(otherTab.getByText(`${ADMIN.name} saved this draft`)).toHaveCount(0);
  await otherTab.close();

  // A new section is named by its place until it has a title; references get no reading-level hint.
  await page.getByRole("button", { name: "Add section" }).click();
  const added = section(page, 2);
  await expect(added.getByRole("heading", { name: "Section 3 (no title yet)" })).toBeVisible();
  await expect(added.getByText("Section 3 (no title yet) is empty.")).toBeVisible();
  await expect(page.getByText('Section "Section"')).toHaveCount(0);
  await added.getByLabel("Section title").fill("References");
  await added
    .getByLabel("Text (Markdown)")
    .fill(
      "- Gastrocnemius–soleus complex stretching interventions: a systematic review of randomised controlled trials in musculoskeletal rehabilitation (2019). https://example.org/calf",
    );
  await expect(added.getByText("Not scored: references are left out of the reading level")).toBeVisible();
  await expect(added.getByText(/above grade 8/)).toHaveCount(0);
  await added.getByRole("button", { name: "Delete References" }).click();

  // Publish asks, saying what publishing does; Cancel publishes nothing.
  await page.getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog", { name: `Publish version 2 of “${guideTitle}”?` });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText(
    "Handouts already made keep the version they were made from: their PDFs and patient links do not change.",
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(draftUrl);
  await page.getByRole("button", { name: "Publish" }).click();
  await dialog.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByRole("link", { name: "Version 2" })).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole("status").filter({
      hasText: `Published version 2 of “${guideTitle}”. New handouts use it; handouts made before keep the version they were made from.`,
    }),
  ).toBeVisible();
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

test("the ADMIN imports a zip with the guide's title and the same picture: version 3, said so, only the changed section marked", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(guideUrl);
  const pictureBefore = await page
    .getByRole("img", { name: "A person leaning on a wall, back leg straight" })
    .getAttribute("src");
  const markdown = [
    "---",
    "summary: A stretch for tight calves.",
    "---",
    "",
    `# ${guideTitle}`,
    "",
    "## The Stretch",
    "",
    V2,
    "",
    `![A person leaning on a wall, back leg straight](pictures/calf.jpg "${CAPTION}")`,
    "",
    "## Disclaimer",
    "",
    "This sheet is general advice, not a diagnosis. Ask us about your own case.",
    "",
  ].join("\n");
  const zip = zipSync({
    "calf/guide.md": strToU8(markdown),
    "calf/pictures/calf.jpg": new Uint8Array(fs.readFileSync(`${ARTIFACTS}/calf-stretch.jpg`)),
  });
  await page.goto(`/clinics/${RIVERSIDE}/guides/import`);
  await page
    .getByLabel("Zip file")
    .setInputFiles({ name: "calf.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await page.getByRole("button", { name: "Import the zip" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Imported as version 3 of “${guideTitle}” (same title as an existing guide).` }),
  ).toBeVisible({ timeout: 20_000 });
  expect(page.url().replace(/\?.*$/, "")).toBe(guideUrl);
  await expect(page.getByRole("link", { name: "Version 3" })).toBeVisible();
  // The picture is the one the guide had (compared by its bytes): its section is not marked changed.
  await expect(page.getByText("Changed in this version", { exact: true })).toHaveCount(1);
  await expect(
    page
      .locator("section", { has: page.getByRole("heading", { name: "Disclaimer" }) })
      .getByText("Changed in this version", { exact: true }),
  ).toBeVisible();
  expect(
    await page.getByRole("img", { name: "A person leaning on a wall, back leg straight" }).getAttribute("src"),
  ).toBe(pictureBefore);
  await expectAccessible(page);
});
