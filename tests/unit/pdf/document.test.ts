import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { contrastRatio, textColorOn } from "@/lib/pdf/colors";
import { sampleInput } from "@/tests/support/sample-handout";
import { solidPng } from "@/tests/support/png";
import { pdffonts, pdfinfo, pdftotext, qpdfCheck, qpdfQdf, renderPage1 } from "@/tests/support/pdf-tools";

// Real PDFs, checked with poppler and qpdf as a person or a print shop would.
let full: Buffer;
beforeAll(async () => {
  full = (await renderHandoutPdf(sampleInput({}, ["prevention", "symptoms", "treatment"]))).bytes;
  fs.mkdirSync("test-results/pdf", { recursive: true });
  fs.writeFileSync("test-results/pdf/sample.pdf", full);
  renderPage1(full, "test-results/pdf/page");
}, 30_000);

const order = (text: string, parts: string[]) => parts.map((p) => {
  const i = text.indexOf(p);
  expect(i, `"${p}" should be in the text`).toBeGreaterThanOrEqual(0);
  return i;
});

describe("the handout PDF", () => {
  it("has the title, notes, chosen sections, contact block, references and page numbers in reading order", () => {
    const text = pdftotext(full);
    const positions = order(text, [
      "Riverside Spine & Wellness",
      "Treating Back Spasms",
      "Prepared for Jo",
      "Notes from your clinician",
      "Walk 10 minutes twice a day.",
      "Heat pack for 15 minutes before stretching",
      "Prevention",
      "Symptoms",
      "Treatment",
      "Questions? Contact Riverside Spine & Wellness",
      "(555) 010-9999",
      "References",
      "Disclaimer",
    ]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain("Risk Factors");
    // Only the cited references: Medline (Symptoms, Prevention), Merck (Prevention, Treatment), Bhatia (Treatment).
    expect(text).toContain("Bhatia, A.");
    expect(text).not.toContain("National Institute of Neurological Disorders and Stroke. (2023)");
  });

  it("puts the footer with clinic, phone and 'Page X of Y' on every page", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(full))![1]);
    expect(pages).toBeGreaterThan(1);
    const perPage = pdftotext(full).split("\f").filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages}`);
      expect(p).toContain("Riverside Spine & Wellness · (555) 010-2400");
    });
  });

  it("embeds every font, carries the metadata, and passes qpdf --check", () => {
    const fonts = pdffonts(full).split("\n").slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans\S*\s+(TrueType|CID TrueType)\S*\s+\S+\s+yes/);
    const info = pdfinfo(full);
    expect(info).toMatch(/Title:\s+Treating Back Spasms: A Comprehensive Guide/);
    expect(info).toMatch(/Author:\s+Riverside Spine & Wellness/);
    expect(info).toMatch(/Subject:\s+Treating Back Spasms: A Comprehensive Guide/);
    expect(info).toMatch(/CreationDate:\s+\S/);
    expect(info).toMatch(/JavaScript:\s+no/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(qpdfQdf(full)).toMatch(/\/Lang\s*\(en\)/);
    expect(qpdfCheck(full)).toMatch(/No syntax or stream encoding errors/);
  });

  it("uses A4 when the clinic asks for it, and large print gives bigger text and more pages", async () => {
    const a4 = (await renderHandoutPdf(sampleInput({ pageSize: "A4" }))).bytes;
    expect(pdfinfo(a4)).toMatch(/Page size:\s+595(\.\d+)? x 841\.89 pts \(A4\)/);
    const normal = await renderHandoutPdf(sampleInput());
    const large = await renderHandoutPdf(sampleInput({ largePrint: true }));
    expect(large.pages).toBeGreaterThan(normal.pages);
    // 18 pt body text: the text matrix of body lines uses an 18-point font size.
    expect(qpdfQdf(large.bytes)).toMatch(/\/F\d+ 18 Tf/);
    expect(qpdfQdf(normal.bytes)).not.toMatch(/\/F\d+ 18 Tf/);
  }, 30_000);

  it("prints hostile notes and contact fields as text, with no script and only https, mailto and tel links", async () => {
    const hostile = await renderHandoutPdf(
      sampleInput({
        title: "<script>alert('t')</script>",
        notes: "<script>alert(1)</script>\n[x](javascript:alert(1))\njavascript:alert(2)",
        contact: { ...sampleInput().contact, website: "javascript:alert(3)", email: "x@example.com" },
      }),
    );
    const text = pdftotext(hostile.bytes);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("[x](javascript:alert(1))");
    expect(text).toContain("javascript:alert(2)");
    expect(text).toContain("javascript:alert(3)");
    const raw = qpdfQdf(hostile.bytes);
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|\/SubmitForm/);
    const uris = [...raw.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^(https:|mailto:|tel:)/);
  }, 30_000);

  it("shows the logo from bytes, and keeps header text readable on a light brand colour", async () => {
    const png = solidPng(120, 40, [29, 78, 137]);
    const withLogo = await renderHandoutPdf(sampleInput({ branding: { ...sampleInput().branding, logoPng: png } }));
    expect(qpdfQdf(withLogo.bytes)).toMatch(/\/Subtype\s*\/Image/);
    expect(textColorOn("#ffeb3b")).toBe("#1a1a1a");
    expect(textColorOn("#1d4e89")).toBe("#ffffff");
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 0);
    const yellow = await renderHandoutPdf(sampleInput({ branding: { ...sampleInput().branding, primaryColor: "#ffeb3b" } }));
    // White text (fill 1 1 1) on the dark blue band; none on yellow, where the header text turns dark.
    expect(qpdfQdf(full)).toMatch(/^1 1 1 scn$/m);
    expect(qpdfQdf(yellow.bytes)).not.toMatch(/^1 1 1 scn$/m);
  }, 30_000);
});
