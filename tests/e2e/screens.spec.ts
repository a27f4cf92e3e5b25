import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, RIVERSIDE, RIVERSIDE_OWNER, setPrimaryColour, signIn } from "./support";

async function expectVisibleFocus(page: Page) {
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline).not.toBeNull();
  expect(outline!.style).not.toBe("none");
  expect(outline!.width).toBeGreaterThanOrEqual(2);
}

const PAGES = [
  ["home", ""],
  ["library", "/guides"],
  ["search", "/search?q=back"],
  ["members", "/members"],
  ["activity", "/activity"],
  ["handouts", "/handouts"],
  ["builder", "/handouts/new"],
  ["templates", "/templates"],
  ["settings", "/settings"],
  ["profile", "/profile"],
] as const;

/** Every failed request and console error while `page` is used: a missing favicon shows up here as a 404. */
function watchFailures(page: Page) {
  const failures: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") failures.push(`console: ${m.text()}`);
  });
  return failures;
}

for (const width of [1280, 375]) {
  test(`screens meet WCAG 2.1 AA and axe's best practices, fit ${width} px, and load without a 404 (favicon included)`, async ({
    page,
  }) => {
    const failures = watchFailures(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/login");
    await expectAccessible(page);
    await expectVisibleFocus(page);
    await page.screenshot({ path: `test-results/screens/login-${width}.png`, fullPage: true });

    await signIn(page, RIVERSIDE_OWNER);
    for (const [name, path] of PAGES) {
      await page.goto(`/clinics/${RIVERSIDE}${path}`);
      await expectAccessible(page);
      await expectVisibleFocus(page);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    }
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.some((href) => /\/icon\.svg/.test(href))).toBe(true);
    for (const href of icons) expect((await page.request.get(href)).status(), href).toBe(200);
    expect((await page.request.get("/favicon.ico")).headers()["content-type"]).toMatch(/^image\//);
    expect(failures).toEqual([]);
  });
}

test("with a light clinic colour every signed-in screen still has no axe violation at any impact level", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, RIVERSIDE_OWNER);
  await setPrimaryColour(page, RIVERSIDE, "#ffee00");
  try {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [, path] of PAGES) {
        await page.goto(`/clinics/${RIVERSIDE}${path}`);
        await expectAccessible(page);
      }
    }
  } finally {
    // The demo clinic's colour, for the specs after this one.
    await setPrimaryColour(page, RIVERSIDE, "#1d4e89");
  }
});
