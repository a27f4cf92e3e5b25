import { expect, test, type Page } from "@playwright/test";
import { CLINICIAN, expectAccessible, expectFormError, RIVERSIDE, signIn, waitForMail } from "./support";
import { pdftotext, qpdfQdf } from "../support/pdf-tools";

const GUIDE = "Treating Back Spasms: A Comprehensive Guide";

async function openBuilder(page: Page, variant: string) {
  await signIn(page, CLINICIAN);
  await page.goto(`/clinics/${RIVERSIDE}/handouts/new`);
  await page.getByRole("link", { name: GUIDE }).click();
  await expect(page.getByRole("heading", { name: "New handout" })).toBeVisible();
  const picker = page.getByLabel("Language and reading level");
  const option = picker.locator("option", { hasText: variant });
  await picker.selectOption({ value: (await option.getAttribute("value"))! });
}

test("the clinician makes the back-spasms handout in plain Spanish: Spanish PDF, /Lang es, Spanish email, the Spanish reading index", async ({
  page,
}) => {
  await openBuilder(page, "Spanish · plain language");
  await expect(page.getByLabel("Handout title")).toHaveValue("Espasmos de espalda: lo básico");
  await expect(page.getByLabel("¿Qué es un espasmo de espalda?", { exact: true })).toBeChecked();
  const meter = page.getByTestId("meter-whole-handout");
  await expect(meter).toContainText(/Fernández-Huerta \d+\.\d/);
  const score = Number(/Fernández-Huerta (\d+\.\d)/.exec((await meter.textContent()) ?? "")![1]);
  expect(score).toBeGreaterThanOrEqual(70);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Generate PDF" }).click();
  await expect(page.getByText("The handout was generated and saved.")).toBeVisible({ timeout: 30_000 });
  const pdf = Buffer.from(await (await page.request.get(`${new URL(page.url()).pathname}/pdf`)).body());
  const text = pdftotext(pdf);
  const pages = Number(/Página 1 de (\d+)/.exec(text)?.[1]);
  expect(pages).toBeGreaterThan(1);
  expect(text).toContain(`Página ${pages} de ${pages}`);
  for (const heading of [
    "Lo más importante",
    "¿Qué es un espasmo de espalda?",
    "Signos y síntomas",
    "¿Preguntas? Comuníquese con Riverside Spine & Wellness",
    "Referencias",
    "Aviso legal",
  ])
    expect(text).toContain(heading);
  expect(text).not.toMatch(/Page \d+ of|Questions\? Contact|Notes from your clinician/);
  expect(qpdfQdf(pdf)).toMatch(/\/Lang \((?:\\376\\377\\000e\\000s|es)\)/);

  const to = `paciente.${Date.now()}@example.com`;
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expectFormError(page, "Enter the patient's email address.");
  await page.getByLabel("Patient's email address").fill(to);
  await page.getByLabel("The patient asked to get this handout by email.").check();
  await page.getByRole("button", { name: "Email to patient" }).click();
  await expect(page.getByText("The email is queued.")).toBeVisible();
  const mail = await waitForMail(to, 20_000);
  expect(mail.subject).toBe("Su folleto de Riverside Spine & Wellness");
  expect(mail.text).toMatch(/^Hola:/);
  expect(mail.text).toContain("El enlace funciona hasta el ");

  // The patient's page is in Spanish too.
  const link = /https?:\/\/\S+\/h\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];
  const html = await (await page.request.get(new URL(link).pathname)).text();
  expect(html).toContain('<html lang="es">');
  expect(html).toContain("Descargar PDF");
});

test("the plain English variant's whole handout reads at grade 7 or below", async ({ page }) => {
  await openBuilder(page, "English · plain language");
  await expect(page.getByLabel("Handout title")).toHaveValue("Back Spasms: The Basics");
  const meter = page.getByTestId("meter-whole-handout");
  await expect(meter).toContainText(/grade \d+\.\d/);
  const grade = Number(/grade (\d+\.\d)/.exec((await meter.textContent()) ?? "")![1]);
  expect(grade).toBeLessThanOrEqual(7);

  // The guide page shows each section beside its variants.
  await page.goto(`/clinics/${RIVERSIDE}/guides`);
  // Variants are not listed on their own: the original says it has them.
  await expect(page.getByRole("link", { name: "Back Spasms: The Basics" })).toHaveCount(0);
  await expect(page.getByText("2 other versions (reading level, language)")).toBeVisible();
  await page.getByRole("link", { name: GUIDE }).click();
  const section = page.locator("#section-symptoms");
  await expect(section.getByRole("link", { name: "Spanish · plain language" })).toBeVisible();
  await expect(section.getByText("Signos y síntomas")).toBeVisible();
  await expect(section.getByText(/Fernández-Huerta \d+\.\d/)).toBeVisible();
  await expectAccessible(page);
});
