import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { CLINICIAN, RIVERSIDE, expectAccessible, signIn, waitForMail } from "./support";
import { pdftotext, renderPageRgba } from "../support/pdf-tools";

const GUIDE = "Treating Back Spasms: A Comprehensive Guide";
const words = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

test("a handout's patient link: emailed without the handout, opened as an accessible page in the PDF's order, QR code on page 1, opening seen by the clinic", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await expect(page.getByLabel(/^Patient link and QR code/)).toBeChecked();
  await page.getByRole("button", { name: "Move Prevention to the top" }).click();
  await page.getByLabel("Risk Factors", { exact: true }).uncheck();
  await page.getByLabel("Notes for this patient").fill("Walk ten minutes after each meal.");
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  const handoutPath = new URL(page.url()).pathname;
  const panel = page.getByTestId("patient-link");
  await expect(panel.getByText("Not opened yet")).toBeVisible();
  const url = await panel.getByLabel("Link address").inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/h\/[A-Za-z0-9_-]{43}$/);

  // The email carries the link and nothing of the handout.
  const to = `link.${Date.now()}@patient.example`;
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(page.getByLabel("The patient link only")).toBeChecked();
  await expect(page.getByLabel("Personal message (optional)")).toHaveCount(0);
  await page.getByLabel("Patient's email address").fill(to);
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(page.getByText("The email is queued.")).toBeVisible();
  const mail = await waitForMail(to, 20_000);
  expect(mail.attachments).toEqual([]);
  expect(mail.text).toContain(url);
  const pdf = Buffer.from(await (await page.request.get(`${handoutPath}/pdf`)).body());
  const printed = words(pdftotext(pdf));
  const sectionTitles = ["Prevention", "What Is a Back Spasm", "Symptoms", "Causes", "Treatment", "Disclaimer"];
  for (const title of [...sectionTitles, "Walk ten minutes", GUIDE]) {
    expect(mail.text).not.toContain(title);
    expect(mail.html || "").not.toContain(title);
    expect(mail.subject).not.toContain(title);
  }

  // The QR code on page 1 of the stored PDF is the same address, and the address is printed beside it.
  const image = renderPageRgba(pdf, 1, 150);
  expect(jsQR(image.data, image.width, image.height)?.data).toBe(url);
  expect(printed).toContain("Scan to read this handout on your phone");

  // The patient opens it: no session, a phone-sized screen.
  const patient = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const phone = await patient.newPage();
  const response = await phone.goto(url);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
  await expect(phone.locator("html")).toHaveAttribute("lang", "en");
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(GUIDE);
  await expect(phone.getByText("Walk ten minutes after each meal.")).toBeVisible();
  await expectAccessible(phone);

  // Its sections are the PDF's, in the PDF's order.
  const h2 = (await phone.locator("main h2").allTextContents()).map(words);
  const shown = h2.filter((t) => sectionTitles.includes(t));
  expect(shown).toEqual(sectionTitles);
  const positions = h2.map((t) => printed.indexOf(t));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  // Tap to call, larger text, the stored PDF.
  await expect(phone.locator("section.contact a[href^='tel:']").first()).toHaveAttribute("href", /^tel:\+?\d{7,}$/);
  const before = await phone
    .locator("main p")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await phone.getByLabel("Larger text").check();
  const after = await phone
    .locator("main p")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before * 1.15);
  await expectAccessible(phone);
  const download = await phone.request.get(`${url}/pdf`);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(Buffer.from(await download.body()), pdf)).toBe(0);

  await phone.setViewportSize({ width: 1280, height: 900 });
  await phone.getByLabel("Larger text").uncheck();
  await expectAccessible(phone);
  // No request left the page's own address.
  const origins = new Set<string>();
  phone.on("request", (r) => origins.add(new URL(r.url()).origin));
  await phone.reload();
  expect([...origins]).toEqual([new URL(url).origin]);
  await patient.close();

  // The clinic sees that it was opened.
  await page.reload();
  await expect(page.getByTestId("patient-link").getByText(/^\d+ times: first /)).toBeVisible();
  await page.goto(`/clinics/${RIVERSIDE}/handouts`);
  await expect(page.getByText(/^Link opened/).first()).toBeVisible();

  // Withdrawn: the same address now says so, with the clinic's phone.
  await page.goto(handoutPath);
  await page.getByRole("button", { name: "Withdraw link…" }).click();
  await page.getByRole("button", { name: "Withdraw link" }).click();
  await expect(page.getByTestId("patient-link").getByText(/^Withdrawn /)).toBeVisible();
  const gone = await page.request.get(url);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toContain("This handout is no longer available");
});

test('the clinic home says who each handout and draft is for, and that a withdrawn link is withdrawn (not just "opened 2×")', async ({
  page,
}) => {
  const name = `Kit${String.fromCharCode(...Array.from({ length: 5 }, () => 97 + Math.floor(Math.random() * 26)))}`;
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await page.getByLabel("Prepared for").fill(name);
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
  const url = await page.getByTestId("patient-link").getByLabel("Link address").inputValue();
  for (let i = 0; i < 2; i++) expect((await page.request.get(url)).status()).toBe(200);
  await page.getByRole("button", { name: "Withdraw link…" }).click();
  await page.getByRole("button", { name: "Withdraw link" }).click();
  await expect(page.getByTestId("patient-link").getByText(/^Withdrawn /)).toBeVisible();

  // A draft for someone else, left unfinished.
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await page.getByLabel("Prepared for").fill(`${name}b`);
  await expect(page.getByText(/^Draft saved at /)).toBeVisible({ timeout: 10_000 });

  await page.goto(`/clinics/${RIVERSIDE}`);
  const handout = page
    .getByRole("region", { name: "Your recent handouts" })
    .getByRole("listitem")
    .filter({ has: page.getByText(`For ${name}`, { exact: true }) });
  await expect(handout.getByRole("link", { name: GUIDE })).toBeVisible();
  await expect(handout.getByText("Link withdrawn · opened 2×")).toBeVisible();
  await expect(handout.getByText(/^Link opened/)).toHaveCount(0);
  const draft = page
    .getByRole("region", { name: "Drafts to finish" })
    .getByRole("listitem")
    .filter({ has: page.getByText(`For ${name}b`, { exact: true }) });
  await expect(draft.getByRole("link", { name: GUIDE })).toBeVisible();
  await expect(draft.getByText(/^Saved /)).toBeVisible();
  await page.goto(`/clinics/${RIVERSIDE}/handouts?q=${name}`);
  await expect(page.getByText("Link withdrawn · opened 2×")).toBeVisible();
});
