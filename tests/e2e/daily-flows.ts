// The two daily flows the issue measures, driven as a clinician would and counting every click (typing is not
// a click). Used by tests/e2e/daily.spec.ts (asserts the counts) and tests/bench/daily.ts (reports them).
import { expect, type Locator, type Page } from "@playwright/test";

export type Counted = { clicks: number; seconds: number };

export function clickCounter() {
  let clicks = 0;
  return {
    click: async (target: Locator) => {
      clicks++;
      await target.click();
    },
    get clicks() {
      return clicks;
    },
  };
}

/** From the clinic home: the template's handout generated and emailed, up to the email being queued. */
export async function templateFlow(
  page: Page,
  clinicHome: string,
  templateName: string,
  recipient: string,
): Promise<Counted> {
  await page.goto(clinicHome);
  const t0 = Date.now();
  const c = clickCounter();
  const card = page.getByRole("listitem").filter({ hasText: templateName });
  await c.click(card.getByRole("button", { name: "Make and email" }));
  await card.getByLabel("Patient's email address").fill(recipient);
  await c.click(card.getByLabel("The patient asked to get this handout by email."));
  await c.click(card.getByRole("button", { name: "Generate and email" }));
  await expect(page.getByText("The handout was generated and its email is queued.")).toBeVisible({ timeout: 30_000 });
  return { clicks: c.clicks, seconds: (Date.now() - t0) / 1000 };
}

/** From the clinic home: a guide's handout with one section unticked and one moved to the top, emailed. */
export async function guideFlow(
  page: Page,
  clinicHome: string,
  guideTitle: string,
  untick: string,
  toTop: string,
  recipient: string,
): Promise<Counted> {
  await page.goto(clinicHome);
  const t0 = Date.now();
  const c = clickCounter();
  await c.click(page.getByRole("link", { name: "New handout" }).first());
  await expect(page.getByText("Choose the guide to start from.")).toBeVisible();
  await c.click(page.getByRole("link", { name: guideTitle }));
  await expect(page.getByLabel(untick, { exact: true })).toBeVisible();
  await c.click(page.getByLabel(untick, { exact: true }));
  await c.click(page.getByRole("button", { name: `Move ${toTop} to the top` }));
  await c.click(page.getByRole("button", { name: "Generate PDF" }));
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Patient's email address").fill(recipient);
  await c.click(page.getByLabel("The patient asked to get this handout by email."));
  await c.click(page.getByRole("button", { name: "Email to patient" }));
  await expect(page.getByText("The email is queued.")).toBeVisible({ timeout: 30_000 });
  return { clicks: c.clicks, seconds: (Date.now() - t0) / 1000 };
}
