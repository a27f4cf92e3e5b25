import { expect, test, type Page } from "@playwright/test";
import { webServerArgs } from "../../lib/server/node-flags.mjs";
import { freePort, startNode, waitForHealth, type Started } from "./processes";
import { CLINICIAN, RIVERSIDE } from "./support";

// The portal opened at another address than the one configured: http://127.0.0.1:<port> when APP_URL says
// localhost. Without APP_URL (the development setup) it works wherever it is opened; with APP_URL set, the
// builder's background requests and its actions are refused with a message naming the right address.
const GUIDE = "Treating Back Spasms: A Comprehensive Guide";

async function signInAt(page: Page, base: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(CLINICIAN.email);
  await page.getByLabel("Password", { exact: true }).fill(CLINICIAN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function openBuilderAt(page: Page, base: string) {
  await page.goto(`${base}/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
}

test("with APP_URL set, the builder opened at 127.0.0.1 says where the portal is instead of failing quietly", async ({
  page,
  baseURL,
}) => {
  const configured = new URL(baseURL!);
  const elsewhere = `http://127.0.0.1:${configured.port}`;
  await signInAt(page, elsewhere);
  await openBuilderAt(page, elsewhere);
  const message = `This page was opened at ${elsewhere}, but the portal's address is ${configured.origin}. Open it at ${configured.origin} and try again.`;
  await expect(page.getByTestId("handout-preview").locator("..").getByText(message)).toBeVisible({ timeout: 10_000 });
  await page.getByLabel("Notes for this patient").fill("Walk daily.");
  await expect(page.getByText(`Not saved. ${message}`)).toBeVisible({ timeout: 10_000 });
  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
});

test("without APP_URL (development), the builder works at localhost and at 127.0.0.1 alike: preview, draft and Generate", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const port = await freePort();
  let server: Started | undefined;
  try {
    server = startNode(webServerArgs(), { PORT: String(port), APP_URL: undefined, NODE_ENV: "production" });
    await waitForHealth(`http://localhost:${port}`, server);
    for (const host of ["localhost", "127.0.0.1"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const base = `http://${host}:${port}`;
      await signInAt(page, base);
      await openBuilderAt(page, base);
      await expect(page.getByTestId("handout-preview").getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible({
        timeout: 20_000,
      });
      await page.getByLabel("Prepared for").fill(host === "localhost" ? "L.H." : "I.P.");
      await expect(page.getByText(/^Draft saved at /)).toBeVisible({ timeout: 10_000 });
      await page.getByRole("button", { name: "Generate PDF" }).click();
      await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 20_000 });
      expect(new URL(page.url()).host).toBe(`${host}:${port}`);
      await context.close();
    }
  } finally {
    if (server && server.child.exitCode === null) {
      process.kill(-server.child.pid!, "SIGTERM");
      await server.exited;
    }
  }
});
