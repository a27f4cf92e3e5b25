import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest("[role=region]"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
  });
  expect(wide).toEqual([]);
}

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

for (const width of [1280, 375]) {
  test(`screens meet WCAG 2.1 AA and fit ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/login");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectVisibleFocus(page);
    await page.screenshot({ path: `test-results/screens/login-${width}.png`, fullPage: true });

    await signIn(page, RIVERSIDE_OWNER);
    for (const [name, path] of [
      ["home", ""],
      ["members", "/members"],
      ["activity", "/activity"],
    ] as const) {
      await page.goto(`/clinics/${RIVERSIDE}${path}`);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await expectVisibleFocus(page);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    }
  });
}
