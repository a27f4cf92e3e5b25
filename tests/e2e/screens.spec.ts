import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

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
    await expectVisibleFocus(page);
    await page.screenshot({ path: `test-results/screens/login-${width}.png`, fullPage: true });

    await signIn(page, RIVERSIDE_OWNER);
    for (const [name, path] of [
      ["home", ""],
      ["members", "/members"],
      ["activity", "/activity"],
      ["handouts", "/handouts"],
      ["builder", "/handouts/new"],
      ["templates", "/templates"],
      ["settings", "/settings"],
      ["profile", "/profile"],
    ] as const) {
      await page.goto(`/clinics/${RIVERSIDE}${path}`);
      await expectAccessible(page);
        await expectVisibleFocus(page);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    }
  });
}
