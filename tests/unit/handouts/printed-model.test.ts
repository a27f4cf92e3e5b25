import { describe, expect, it } from "vitest";
import { printedHandout, type PrintedParts } from "@/lib/handouts/printed/build";
import { readContact } from "@/lib/handouts/snapshots";

// The printed model decides once what the PDF and the patient page print around the guide's text.
const t = (text: string) => ({ type: "text" as const, text });
const parts = (over: Partial<PrintedParts> = {}): PrintedParts => ({
  layout: 2,
  language: "en",
  title: "Back spasms",
  guideTitle: "Treating Back Spasms",
  createdAt: "2026-12-01T10:00:00.000Z",
  preparedFor: "Jo",
  followUpDate: "2027-01-15",
  notes: "Walk daily.",
  notesPosition: "TOP",
  largePrint: false,
  pageSize: "LETTER",
  contact: readContact({
    clinicName: "Riverside",
    phone: "(555) 010-0000",
    clinicianName: "Sam Patel",
    credentials: "PT",
  }),
  branding: {
    clinicName: "Riverside Spine",
    primaryColor: "#1d4e89",
    accentColor: "#e8f0f8",
    extraDisclaimer: null,
    logoSha256: null,
  },
  sections: [
    {
      key: "rest",
      title: "Rest",
      kind: "content",
      blocks: [{ type: "paragraph", children: [t("Rest "), { type: "cite", text: "(Lee, 2019)", refKey: "lee" }] }],
      citedRefKeys: ["lee"],
      keyPoint: "Rest a little.",
    },
    {
      key: "disclaimer",
      title: "Disclaimer",
      kind: "disclaimer",
      blocks: [{ type: "paragraph", children: [t("Not advice.")] }],
      citedRefKeys: [],
    },
  ],
  references: [
    { key: "smith", text: "Smith (2021).", url: null },
    { key: "lee", text: "Lee (2019).", url: null },
  ],
  pictures: {},
  link: { url: "https://portal.example/h/abc" },
  ...over,
});

describe("the printed model", () => {
  it("prints every word around the guide in the handout's own language, and nothing else decides it", () => {
    const en = printedHandout(parts());
    expect(en.meta).toEqual(["December 1, 2026", "Prepared for Jo", "Follow-up: January 15, 2027"]);
    expect(en.words).toEqual({
      mainPointsTitle: "The main points",
      notesTitle: "Notes from your clinician",
      warningLabel: "Get help now",
      contactTitle: "Questions? Contact Riverside",
      referencesTitle: "References",
      logoAlt: "Riverside Spine logo",
    });
    expect(en.link).toEqual({
      url: "https://portal.example/h/abc",
      label: "Scan to read this handout on your phone",
      alt: "QR code: Scan to read this handout on your phone https://portal.example/h/abc",
    });
    const es = printedHandout(parts({ language: "es" }));
    expect(es.meta).toEqual(["1 de diciembre de 2026", "Preparado para Jo", "Próxima cita: 15 de enero de 2027"]);
    expect(es.contactLines.map((l) => l.label)).toEqual(["Su profesional de salud", "Teléfono"]);
    expect(es.words.notesTitle).toBe("Notas de su profesional de salud");
  });

  it("lists only the references the sections cite, and their main points", () => {
    const printed = printedHandout(parts());
    expect(printed.references.map((r) => r.key)).toEqual(["lee"]);
    expect(printed.mainPoints).toEqual(["Rest a little."]);
    expect(printed.contactLines[0]).toEqual({ label: "Your clinician", text: "Sam Patel, PT" });
  });

  it("reads the notes as they print: a form feed or line separator breaks the line, a line of control characters is blank", () => {
    expect(printedHandout(parts({ notes: "Para\f- bullet\u2028- two\n\u0000\nAfter" })).notesBlocks).toEqual([
      { type: "paragraph", lines: ["Para"] },
      { type: "bullets", items: ["bullet", "two"] },
      { type: "paragraph", lines: ["After"] },
    ]);
    // What the seal covers stays as typed.
    expect(printedHandout(parts({ notes: "Para\f- bullet" })).notes).toBe("Para\f- bullet");
  });

  it("names the clinic by its branding, else by its contact block", () => {
    expect(printedHandout(parts()).clinicName).toBe("Riverside Spine");
    expect(printedHandout(parts({ branding: { ...parts().branding, clinicName: "" } })).clinicName).toBe("Riverside");
  });
});
