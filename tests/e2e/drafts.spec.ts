import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { CLINICIAN, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

// The builder's draft around the edges of a working day: a session that ends mid-sentence, two tabs on one
// draft, and Back after Generate. Run as a clinician would meet them, against the production build.
const GUIDE = "Treating Back Spasms: A Comprehensive Guide";

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** The session ends on the server exactly as the 30-minute idle sign-out ends it: last seen 31 minutes ago. */
const expireSessions = (email: string) =>
  sql(
    `UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "endedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [email],
  );

async function openBuilder(page: Page) {
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
}

const notes = (page: Page) => page.getByLabel("Notes for this patient");
const saved = (page: Page) => expect(page.getByText(/^Draft saved at /)).toBeVisible({ timeout: 10_000 });
const backupKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("portal:builder:")));

test("a session that ends while typing loses nothing: the page says so, sign-in returns to the draft with the text, and Generate makes it", async ({
  page,
}) => {
  await signIn(page, RIVERSIDE_OWNER);
  await openBuilder(page);
  await page.getByLabel("Prepared for").fill("K.L.");
  await notes(page).fill("Heat for 15 minutes.");
  await saved(page);
  await expect(page).toHaveURL(/\?draft=/);
  const draftUrl = page.url();

  await expireSessions(RIVERSIDE_OWNER.email);
  await notes(page).fill("Heat for 15 minutes. Walk after lunch.");
  await expect(
    page.getByText("Not saved: you were signed out. What you typed is kept in this browser until you sign in again."),
  ).toBeVisible({ timeout: 10_000 });
  const dialog = page.getByRole("dialog", { name: "You were signed out" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  // Generate does not leave the page: it says what happened and how to go on.
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("You were signed out, so this was not saved.")).toBeVisible();
  expect(page.url()).toBe(draftUrl);
  expect(await backupKeys(page)).toHaveLength(1);

  await page.getByRole("link", { name: "Sign in again" }).first().click();
  await expect(page.getByText(/Your session ended\. Sign in again to go back/)).toBeVisible();
  await page.getByLabel("Email").fill(RIVERSIDE_OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(RIVERSIDE_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(draftUrl);
  await expect(notes(page)).toHaveValue("Heat for 15 minutes. Walk after lunch.");
  await expect(page.getByText(/What you typed here before .* is back/)).toBeVisible();
  await saved(page);
  // The server has it now: nothing about the patient is left in the browser.
  expect(await backupKeys(page)).toEqual([]);
  const stored = await sql(`SELECT data->>'notes' AS notes FROM "HandoutDraft" WHERE id = $1`, [
    new URL(draftUrl).searchParams.get("draft"),
  ]);
  expect(stored.rows[0].notes).toBe("Heat for 15 minutes. Walk after lunch.");

  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  const handoutUrl = page.url();
  // Back to the draft's address: it says what the draft became, and cannot make a second handout.
  await page.goBack();
  await expect(page.getByText(/This draft became the handout “Treating Back Spasms.*” for K\.L\. at/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate PDF" })).toBeDisabled();
  // Loaded afresh, the address says the same.
  await page.reload();
  await expect(page.getByRole("heading", { name: "This draft became a handout" })).toBeVisible();
  await expect(page.getByText(/for K\.L\., made/)).toBeVisible();
  await page.getByRole("link", { name: "Open the handout" }).click();
  await expect(page).toHaveURL(handoutUrl.replace(/\?generated=1$/, ""));
  await expect(page.getByRole("link", { name: "Duplicate and edit" })).toBeVisible();
});

test("two tabs on one draft: a stale save is refused with when the other tab saved, and a draft made into a handout closes in the other tab", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await signIn(a, CLINICIAN);
  await openBuilder(a);
  await notes(a).fill("From tab A.");
  await saved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(notes(b)).toHaveValue("From tab A.");

  await notes(a).fill("From tab A, again.");
  await saved(a);
  await notes(b).fill("From tab B.");
  await expect(b.getByText(/You saved this draft in another tab or window at \d/)).toBeVisible({ timeout: 10_000 });
  await b.getByRole("button", { name: "Keep this tab's version" }).click();
  await saved(b);
  const draftId = new URL(a.url()).searchParams.get("draft");
  expect((await sql(`SELECT data->>'notes' AS notes FROM "HandoutDraft" WHERE id = $1`, [draftId])).rows[0].notes).toBe(
    "From tab B.",
  );

  // Tab A generates (from its own, older text); tab B's next change learns the draft became that handout.
  a.on("dialog", (d) => void d.accept());
  await a.getByRole("button", { name: "Generate PDF" }).click();
  await expect(a.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  await notes(b).fill("From tab B, later.");
  await expect(b.getByText(/This draft became the handout “Treating Back Spasms/)).toBeVisible({ timeout: 10_000 });
  await expect(b.getByRole("button", { name: "Generate PDF" })).toBeDisabled();
  expect((await sql(`SELECT count(*)::int AS n FROM "Handout" WHERE "draftId" = $1`, [draftId])).rows[0].n).toBe(1);
  await context.close();
});
