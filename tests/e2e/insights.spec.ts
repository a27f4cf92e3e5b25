import fs from "node:fs";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { expectAccessible, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

// Three Riverside handouts dated March 2025, written straight into the database (the rollups' triggers count
// them as they would any write), so the figures are known whatever the other specs made today:
// two with a patient link, one of them opened 20 minutes after it was made; one emailed with its link and sent.
const FROM = "2025-03-03";
const TO = "2025-03-23";

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Handout" ("id", "clinicId", "authorId", "guideVersionId", "title", "notes", "sectionKeys", "contact", "options", "branding", "createdAt")
       SELECT 'e2e-insights-' || n, $1, u."id", v."id", 'March check', '', '{}',
         '{"clinicName": "Riverside", "phone": "(555) 010-0000", "email": "", "address": "", "website": "", "hours": "", "clinicianName": "", "credentials": "", "directPhone": ""}',
         '{"largePrint": false, "notesPosition": "TOP", "pageSize": "LETTER"}', '{}', $2::timestamp + (n * 7) * interval '1 day'
       FROM generate_series(0, 2) n, "User" u,
         (SELECT v."id" FROM "GuideVersion" v JOIN "Guide" g ON g."id" = v."guideId" WHERE g."clinicId" IS NULL AND g."variantOfId" IS NULL ORDER BY g."key", v."version" DESC LIMIT 1) v
       WHERE u."email" = $3`,
      [RIVERSIDE, `${FROM} 10:00`, RIVERSIDE_OWNER.email],
    );
    await client.query(
      `INSERT INTO "PatientLink" ("id", "clinicId", "handoutId", "seed", "tokenHash", "expiresAt", "createdAt")
       SELECT 'e2e-link-' || n, $1, 'e2e-insights-' || n, md5('e2e' || n), md5('e2e-token' || n), now() + interval '30 days', h."createdAt"
       FROM generate_series(0, 1) n JOIN "Handout" h ON h."id" = 'e2e-insights-' || n`,
      [RIVERSIDE],
    );
    await client.query(
      `UPDATE "PatientLink" SET "openCount" = 1, "firstOpenedAt" = "createdAt" + interval '20 minutes', "lastOpenedAt" = "createdAt" + interval '20 minutes' WHERE "id" = 'e2e-link-0'`,
    );
    await client.query(
      `INSERT INTO "Delivery" ("id", "clinicId", "handoutId", "requestedById", "idempotencyKey", "recipientMask", "mode", "status", "sentAt", "updatedAt")
       SELECT 'e2e-delivery', $1, 'e2e-insights-1', "authorId", 'e2e-insights', 'p***@example.org', 'LINK', 'SENT', now(), now() FROM "Handout" WHERE "id" = 'e2e-insights-1'`,
      [RIVERSIDE],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
});

test("the owner reads Insights for a range, downloads its CSV, and the page has no axe violation at 320 and 1280 px", async ({
  page,
}) => {
  await signIn(page, RIVERSIDE_OWNER);
  await page.getByRole("link", { name: "Insights", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill(FROM);
  await page.getByLabel("To", { exact: true }).fill(TO);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${FROM}&to=${TO}`));

  const figure = (term: string) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("Handouts made")).toHaveText("3");
  await expect(figure("Patient links opened")).toHaveText("1 of 2");
  await expect(figure("Median time to first open")).toHaveText("under 1 hour");
  await expect(figure("Emails sent")).toHaveText("1 of 1");
  await expect(page.getByRole("img", { name: /Handouts made per week/ })).toBeVisible();
  const weeks = page.getByRole("table", { name: /Handouts made per week/ });
  await expect(weeks.getByRole("row", { name: "Week of 3 Mar 2025 1" })).toBeVisible();
  await expect(weeks.getByRole("row", { name: "Week of 17 Mar 2025 1" })).toBeVisible();
  const byClinician = page.getByRole("table", { name: "By clinician: the numbers" });
  await expect(byClinician.getByRole("row", { name: /^Dana Rivera 3 / })).toBeVisible();

  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/screens/insights-${width}.png`, fullPage: true });
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`insights-${RIVERSIDE}-${FROM}-to-${TO}.csv`);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/^breakdown,group,handouts_made,handouts_voided,patient_links_made,patient_links_opened,/);
  // All: 3 made, 0 voided, 2 links, 1 opened, 1 opening, 1 email with the link, 0 attached, 1 sent.
  expect(lines[1]).toMatch(new RegExp(`^all,${FROM} to ${TO},3,0,2,1,1,1,0,1,0,0,0,0,1,`));
  expect(lines).toContain(`week,${FROM},1,0,1,1,1,0,0,0,0,0,0,0,1,0,0,0,0,0,0`);
});
