import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect, type Page, type Request } from "@playwright/test";
import demo from "../../prisma/seed/demo.json" with { type: "json" };

const user = (email: string) => {
  const u = demo.users.find((x) => x.email === email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
};
export const RIVERSIDE_OWNER = user("owner@riverside.example");
export const CLINICIAN = user("clinician@riverside.example");
export const LAKESIDE_OWNER = user("owner@lakeside.example");
export const RIVERSIDE = "demo-riverside";
export const LAKESIDE = "demo-lakeside";

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Makes a handout from the full back-spasms guide in the builder, titled `title`, and returns the browser's
 * Generate request (a server action), for replaying it. `timeouts.page` is for the builder to open,
 * `timeouts.saved` for the handout to be saved.
 */
export async function captureGenerate(
  page: Page,
  clinicId: string,
  title: string,
  timeouts: { page?: number; saved: number },
): Promise<Request> {
  await page.goto(`/clinics/${clinicId}/handouts/new`);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible({ timeout: timeouts.page });
  const captured = page.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes(title),
  );
  await page.getByLabel("Handout title").fill(title);
  await page.getByRole("button", { name: "Generate PDF" }).click();
  const request = await captured;
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: timeouts.saved });
  return request;
}

/** The headers that make a captured server-action request run the same action again. */
export function actionHeaders(request: Request): Record<string, string> {
  const h = request.headers();
  return {
    "next-action": h["next-action"]!,
    "content-type": h["content-type"]!,
    accept: h["accept"] ?? "text/x-component",
    "next-router-state-tree": h["next-router-state-tree"] ?? "",
  };
}

/** Sets the signed-in owner's clinic primary colour in Settings (the light-colour checks, then back to the demo's). */
export async function setPrimaryColour(page: Page, clinicId: string, hex: string) {
  await page.goto(`/clinics/${clinicId}/settings`);
  await page.getByLabel("Primary colour", { exact: true }).fill(hex);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Handouts generated from now on use these settings.")).toBeVisible();
}

/** A form error as every form shows one: listed under "There is a problem" at the top of the form, and beside its field. */
export async function expectFormError(page: Page, message: string | RegExp) {
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByText(message)).toBeVisible();
  await expect(page.getByText(message).last()).toBeVisible();
  expect(await page.getByText(message).count()).toBeGreaterThanOrEqual(2);
}

/** Waits for a message to `to` in the SMTP catcher's folder (the same catcher `npm start` uses). */
export async function waitForMail(to: string, timeoutMs = 10_000): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run through `npm run test:e2e`");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of fs.readdirSync(dir).sort().reverse()) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      const recipients = [mail.to]
        .flat()
        .flatMap((a) => a?.value ?? [])
        .map((v) => v.address?.toLowerCase());
      if (recipients.includes(to.toLowerCase())) return mail;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} within ${timeoutMs} ms`);
}

/**
 * axe-core's WCAG 2.1 A/AA rules and its best practices (content outside a landmark, heading order, landmark
 * names…), at every impact level, and no sideways scrolling of the page.
 */
export async function expectAccessible(page: Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest("[role=region]"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
  });
  expect(wide).toEqual([]);
}
