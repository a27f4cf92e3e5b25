import { describe, expect, it } from "vitest";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { guideInput, parseGuideFile, sampleInput } from "@/tests/support/sample-handout";
import { pdftotext } from "@/tests/support/pdf-tools";
import { composeHandoutEmail, composeLinkEmail } from "@/lib/deliveries/compose";

const spanish = parseGuideFile("prisma/seed/guides/back-spasms.plain.es.md");
const plain = parseGuideFile("prisma/seed/guides/back-spasms.plain.en.md");
const keyPoint = (guide: typeof plain, key: string) => guide.sections.find((s) => s.key === key)!.keyPoint!;

describe("a handout in the guide variant's language", () => {
  it("prints the portal's own words, dates and the main points in Spanish, in the handout's order", async () => {
    const { bytes } = await renderHandoutPdf(guideInput(spanish, { language: "es" }, ["prevention", "symptoms"]));
    const text = pdftotext(bytes);
    for (const s of [
      "Lo más importante",
      "Preparado para Jo",
      "Próxima cita: 9 de diciembre de 2026",
      "25 de noviembre de 2026",
      "Notas de su profesional de salud",
      "¿Preguntas? Comuníquese con",
      "Su profesional de salud:",
      "Línea directa:",
      "Referencias",
      "Aviso legal",
      "Página 1 de",
    ])
      expect(text).toContain(s);
    const first = text.indexOf(keyPoint(spanish, "prevention").slice(0, 30));
    const second = text.indexOf(keyPoint(spanish, "symptoms").slice(0, 30));
    expect(first).toBeGreaterThan(text.indexOf("Lo más importante"));
    expect(second).toBeGreaterThan(first);
    expect(text).not.toMatch(/Page \d|References|Notes from your clinician|Prepared for/);
  });

  it("lists at most five main points, and none for a guide without key points", async () => {
    const text = pdftotext((await renderHandoutPdf(guideInput(plain))).bytes);
    const keys = plain.sections.filter((s) => s.kind === "content").map((s) => s.key);
    expect(keys).toHaveLength(6);
    expect(text).toContain("The main points");
    for (const key of keys.slice(0, 5)) expect(text).toContain(keyPoint(plain, key).slice(0, 30));
    expect(text).not.toContain(keyPoint(plain, keys[5]!).slice(0, 30));
    expect(pdftotext((await renderHandoutPdf(sampleInput())).bytes)).not.toContain("The main points");
  });

  it("writes the patient email in the handout's language", () => {
    const contact = {
      clinicName: "Clínica Sol",
      phone: "(555) 010-0000",
      email: "",
      address: "",
      website: "",
      hours: "",
      clinicianName: "",
      credentials: "",
      directPhone: "",
    };
    const link = composeLinkEmail({
      to: "p@example.com",
      contact,
      messageId: "<m@x>",
      language: "es",
      url: "https://x.example/h/abc",
      expiresAt: new Date("2027-03-01T10:00:00Z"),
    });
    expect(link.subject).toBe("Su folleto de Clínica Sol");
    expect(link.text).toContain("El enlace funciona hasta el 1 de marzo de 2027.");
    expect(link.text).toContain("Teléfono: (555) 010-0000");
    const pdf = composeHandoutEmail({
      to: "p@example.com",
      contact,
      messageId: "<m@x>",
      language: "es",
      message: null,
      pdf: Buffer.from("%PDF"),
      date: new Date("2026-12-01T10:00:00Z"),
    });
    expect(pdf.attachments?.[0]?.filename).toBe("folleto-2026-12-01.pdf");
    expect(
      composeLinkEmail({
        to: "p@example.com",
        contact,
        messageId: "<m@x>",
        url: "https://x.example/h/abc",
        expiresAt: new Date("2027-03-01T10:00:00Z"),
      }).subject,
    ).toBe("Your handout from Clínica Sol");
  });
});
