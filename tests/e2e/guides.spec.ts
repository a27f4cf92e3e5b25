import { expect, test } from "@playwright/test";
import { CLINICIAN, expectAccessible, expectFormError, RIVERSIDE, RIVERSIDE_OWNER, signIn } from "./support";

test("an owner imports a guide through the UI: preview, confirm, then find it by a word in its body", async ({
  page,
}) => {
  const word = `marmot${Date.now()}`;
  const markdown = [
    "---",
    "summary: Simple care for a sore neck.",
    "---",
    "",
    `# Neck Care ${word.slice(-6)}`,
    "",
    "## Gentle Moves",
    "",
    `Turn your head slowly, like a ${word} looking around (Lee, 2020).`,
    "",
    "- Chin tucks",
    "- Shoulder rolls",
    "",
    "## When to Seek Care",
    "",
    "Call us if your arm goes numb (Nobody, 1999).",
    "",
    "## References",
    "",
    "- Lee, K. (2020). Neck pain basics. https://example.org/neck",
    "",
    "## Disclaimer",
    "",
    "General advice only.",
  ].join("\n");

  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  await page.getByRole("link", { name: "Import a guide" }).click();

  await page.getByRole("button", { name: "Preview" }).click();
  await expectFormError(page, "Choose a Markdown file or paste the guide's text.");

  await page.getByLabel("…or paste the text").fill(markdown);
  await page.getByRole("button", { name: "Preview" }).click();
  const sections = page.getByRole("list", { name: "Sections found" });
  await expect(sections.getByText("Gentle Moves")).toBeVisible();
  await expect(sections.getByText("When to Seek Care")).toBeVisible();
  await expect(
    page.getByText(/Citation "\(Nobody, 1999\)" in section "When to Seek Care" does not match any reference/),
  ).toBeVisible();
  await page.setViewportSize({ width: 375, height: 900 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/screens/guide-import-1280.png", fullPage: true });

  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Neck Care ${word.slice(-6)}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "(Lee, 2020)" })).toHaveAttribute("href", /#ref-/);

  await page.goto(`/clinics/${RIVERSIDE}/guides?q=${word}`);
  await expect(page.getByText(`1 guide matches “${word}”`)).toBeVisible();
  await expect(page.getByRole("link", { name: `Neck Care ${word.slice(-6)}` })).toBeVisible();
});

test("a clinician reads the back-spasms guide with grades and working citation links", async ({ page }) => {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  await expect(page.getByRole("link", { name: "Import a guide" })).toHaveCount(0);
  await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
  const headings = page.locator("article h2");
  await expect(headings).toHaveText([
    "What Is a Back Spasm",
    "Symptoms",
    "Causes",
    "Risk Factors",
    "Treatment",
    "Prevention",
    "Disclaimer",
    "References",
  ]);
  await expect(page.getByText(/Reading grade \d+\.\d · \d+ words/).first()).toBeVisible();
  const cite = page.getByRole("link", { name: "(Merck Manual, 2022)" }).first();
  const href = await cite.getAttribute("href");
  expect(href).toMatch(/^#ref-/);
  await expect(page.locator(href!)).toContainText("Merck Manual");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/screens/guide-${width}.png`, fullPage: width === 375 });
  }
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  await expectAccessible(page);
  expect((await page.goto(`/clinics/${RIVERSIDE}/guides/import`))?.status()).toBe(404);
});

test("a file too large for the import form is stopped in the browser with its own limit named, not an error page", async ({
  page,
}) => {
  await signIn(page, RIVERSIDE_OWNER);
  await page.goto(`/clinics/${RIVERSIDE}/guides/import`);
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") sent.push(r.url());
  });
  const file = page.getByLabel("Markdown file");
  await file.setInputFiles({ name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(22 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expectFormError(
    page,
    "“huge.md” is 22 MB: a guide's Markdown file can be at most 1 MB. Choose a smaller file.",
  );
  await expect(page.getByText(/21(\.0)? MB/)).toHaveCount(0);
  await file.setInputFiles({ name: "big.md", mimeType: "text/markdown", buffer: Buffer.alloc(1.5 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expectFormError(
    page,
    "“big.md” is 1.5 MB: a guide's Markdown file can be at most 1 MB. Choose a smaller file.",
  );
  const zip = page.getByLabel("Zip file");
  await zip.setInputFiles({
    name: "pictures.zip",
    mimeType: "application/zip",
    buffer: Buffer.alloc(21 * 1024 * 1024, 0),
  });
  await page.getByRole("button", { name: "Import the zip" }).click();
  await expectFormError(page, "“pictures.zip” is 21 MB: a guide's zip can be at most 20 MB. Choose a smaller file.");
  expect(sent).toEqual([]);
  await expect(page.getByRole("heading", { name: "Import a guide" })).toBeVisible();
});
