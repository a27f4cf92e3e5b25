import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Block } from "@/lib/guides/blocks";
import { clearRenderCaches } from "@/lib/pdf/fonts";
import { renderHandoutPdf } from "@/lib/pdf/render";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";
import { backSpasmsGuide, sampleInput, type SampleOptions } from "@/tests/support/sample-handout";
import {
  linkTargets,
  pdffonts,
  pdfinfo,
  pdftotext,
  pdftotextPages,
  qpdfCheck,
  qpdfQdf,
  renderPage1,
} from "@/tests/support/pdf-tools";

// Real PDFs, checked with poppler and qpdf as a person or a print shop would.
const logo = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "public", "demo-logo.png")));
const withBranding = (branding: Pick<SampleOptions, "logoPng" | "primaryColor">, keys?: string[]) =>
  sampleInput(branding, keys);

let full: Buffer;
beforeAll(async () => {
  full = (await renderHandoutPdf(withBranding({ logoPng: logo }, ["prevention", "symptoms", "treatment"]))).bytes;
  fs.mkdirSync("test-results/pdf", { recursive: true });
  fs.writeFileSync("test-results/pdf/sample.pdf", full);
  renderPage1(full, "test-results/pdf/page1.png");
}, 30_000);

const positions = (text: string, parts: string[]) =>
  parts.map((p) => {
    const i = text.indexOf(p);
    expect(i, `"${p}" should be in the text`).toBeGreaterThanOrEqual(0);
    return i;
  });
const expectInOrder = (text: string, parts: string[]) => {
  const at = positions(text, parts);
  expect(at).toEqual([...at].sort((a, b) => a - b));
};

describe("the handout PDF", () => {
  it("has the header, notes, exactly the chosen sections in order, contact block, references and disclaimer in reading order", () => {
    const text = pdftotext(full);
    expectInOrder(text, [
      "Riverside Spine & Wellness",
      // The title wraps, with its last two words kept together ("Guide" alone on a line before).
      "Treating Back Spasms: A\nComprehensive Guide",
      "Prepared for Jo",
      "Follow-up: December 9, 2026",
      "Notes from your clinician",
      "Walk 10 minutes twice a day.",
      "• Heat pack for 15 minutes before stretching",
      "Prevention",
      "Symptoms",
      "Treatment",
      "Questions? Contact Riverside Spine & Wellness",
      "Your clinician: Sam Patel, PT, DPT",
      "(555) 010-9999",
      "frontdesk@riverside-spine.example",
      "References",
      "Disclaimer",
    ]);
    for (const left of ["What Is a Back Spasm", "Causes", "Risk Factors"]) expect(text).not.toContain(left);
    // Only the cited references, in guide order: Medline (Symptoms, Prevention), Merck (Prevention, Treatment), Bhatia (Treatment).
    expectInOrder(text, ["1. Medline Plus. (2022)", "2. Merck Manual. (2022)", "3. Bhatia, A., Engle, A."]);
    expect(text).not.toContain("National Institute of Neurological Disorders and Stroke. (2023)");
  });

  it("puts the footer with clinic, phone and 'Page X of Y' at the end of every page", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(full))![1]);
    expect(pages).toBeGreaterThan(1);
    const perPage = pdftotextPages(full, "-raw");
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      const lines = page.trim().split("\n");
      expect(lines.at(-1)).toBe(`Riverside Spine & Wellness · (555) 010-2400 Page ${i + 1} of ${pages}`);
    });
    expect(perPage[0]!.indexOf("Treating Back Spasms")).toBeLessThan(perPage[0]!.indexOf(`Page 1 of ${pages}`));
  });

  it("embeds every font, carries the metadata, has no JavaScript, and passes qpdf --check", () => {
    const fonts = pdffonts(full)
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans\S*\s+(TrueType|CID TrueType)\S*\s+\S+\s+yes\s+yes/);
    const info = pdfinfo(full);
    expect(info).toMatch(/Title:\s+Treating Back Spasms: A Comprehensive Guide/);
    expect(info).toMatch(/Author:\s+Riverside Spine & Wellness/);
    expect(info).toMatch(/Subject:\s+Treating Back Spasms: A Comprehensive Guide/);
    expect(info).toMatch(/CreationDate:\s+.*2026/);
    expect(info).toMatch(/JavaScript:\s+no/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(qpdfQdf(full)).toMatch(/\/Lang\s*\(en\)/);
    expect(qpdfCheck(full)).toMatch(/No syntax or stream encoding errors/);
  });

  it("uses A4 when the clinic asks for it, and large print sets the body in 18 pt over more pages", async () => {
    const a4 = (await renderHandoutPdf(sampleInput({ pageSize: "A4" }))).bytes;
    expect(pdfinfo(a4)).toMatch(/Page size:\s+595(\.\d+)? x 841\.89 pts \(A4\)/);
    const normal = await renderHandoutPdf(sampleInput());
    const large = await renderHandoutPdf(sampleInput({ largePrint: true }));
    expect(large.pages).toBeGreaterThan(normal.pages);
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(large.bytes))![1])).toBe(large.pages);
    // The text matrices: body text at 18 pt in large print, 11 pt otherwise.
    expect(qpdfQdf(large.bytes)).toMatch(/\/F\d+ 18 Tf/);
    expect(qpdfQdf(normal.bytes)).not.toMatch(/\/F\d+ 18 Tf/);
    expect(qpdfQdf(normal.bytes)).toMatch(/\/F\d+ 11 Tf/);
  }, 30_000);

  it("places the notes at the end when the clinic says so, and adds the clinic's own disclaimer last", async () => {
    const end = await renderHandoutPdf(
      sampleInput({ notesPosition: "END", extraDisclaimer: "Riverside adds: bring this sheet to your next visit." }, [
        "symptoms",
        "treatment",
      ]),
    );
    expectInOrder(pdftotext(end.bytes), [
      "Symptoms",
      "Treatment",
      "Notes from your clinician",
      "Questions? Contact",
      "References",
      "Disclaimer",
      "Riverside adds: bring this sheet",
    ]);
  }, 30_000);

  it("renders notes as paragraphs and '- ' bullet lists", async () => {
    const notes = "First line\nsecond line of the same paragraph\n\nA new paragraph.\n- one\n- two\nAfter the list.";
    const text = pdftotext((await renderHandoutPdf(sampleInput({ notes }, ["symptoms"]))).bytes);
    expectInOrder(text, [
      "First line\nsecond line of the same paragraph",
      "A new paragraph.",
      "• one",
      "• two",
      "After the list.",
    ]);
    expect(text).not.toContain("- one");
  }, 30_000);

  it("prints no box at the line breaks of a note, whatever the thread rendered before", async () => {
    const notes = "First line of the note.\nSecond line.\nThird line.";
    const first = await renderHandoutPdf(sampleInput({ notes }, ["symptoms"]));
    await renderHandoutPdf(sampleInput({}, ["treatment"]));
    const again = await renderHandoutPdf(sampleInput({ notes }, ["symptoms"]));
    expect(again.sha256).toBe(first.sha256);
    // Glyph 0 is the font's missing-glyph box: a Latin handout never draws it.
    const drawn = qpdfQdf(again.bytes)
      .split("\n")
      .filter((l) => l.endsWith("TJ"))
      .flatMap((l) => [...l.matchAll(/<([0-9a-f]+)>/g)].flatMap((m) => m[1]!.match(/.{4}/g) ?? []));
    expect(drawn.length).toBeGreaterThan(100);
    expect(drawn).not.toContain("0000");
  }, 30_000);

  it("renders sub-headings, numbered and nested lists, and tables row by row", async () => {
    const t = (text: string, bold = false) => ({ type: "text" as const, text, bold });
    const p = (text: string): Block => ({ type: "paragraph", children: [t(text)] });
    const blocks: Block[] = [
      { type: "heading", level: 3, children: [t("Stretches to try")] },
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [
          { content: [p("Knee to chest")] },
          { content: [p("Cat and cow"), { type: "list", ordered: false, items: [{ content: [p("Slowly")] }] }] },
        ],
      },
      {
        type: "table",
        align: ["left", "right"],
        header: [[t("Exercise")], [t("Times a day")]],
        rows: [
          [[t("Walking")], [t("2")]],
          [[t("Stretching", true)], [t("3")]],
        ],
      },
    ];
    const base = sampleInput({}, ["symptoms"]);
    const pdf = await renderHandoutPdf({
      ...base,
      sections: [{ key: "exercises", title: "Exercises", kind: "content", blocks, citedRefKeys: [] }, ...base.sections],
    });
    expectInOrder(pdftotext(pdf.bytes), [
      "Exercises",
      "Stretches to try",
      "3. Knee to chest",
      "4. Cat and cow",
      "– Slowly",
      "Exercise Times a day",
      "Walking 2",
      "Stretching 3",
      "Symptoms",
    ]);
  }, 30_000);

  it("never leaves a heading alone at the bottom of a page", async () => {
    const guide = backSpasmsGuide();
    const headings = new Set([
      "References",
      "Disclaimer",
      "Notes from your clinician",
      ...guide.sections.map((s) => s.title),
    ]);
    const longNotes = Array.from(
      { length: 9 },
      (_, i) => `Line ${i + 1} of the clinician's notes, long enough to take most of a line.`,
    ).join("\n");
    const variants = [
      sampleInput(),
      sampleInput({ largePrint: true }),
      sampleInput({ pageSize: "A4", notesPosition: "END" }),
      sampleInput({ pageSize: "A4", largePrint: true, notes: longNotes }),
      sampleInput({ notes: longNotes, notesPosition: "END" }),
    ];
    for (const input of variants) {
      const pages = pdftotextPages((await renderHandoutPdf(input)).bytes, "-layout");
      pages.slice(0, -1).forEach((page, i) => {
        const body = page.split("\n").filter((l) => l.trim() && !/Page \d+ of \d+/.test(l));
        expect(headings.has(body.at(-1)!.trim()), `page ${i + 1} ends with the heading "${body.at(-1)!.trim()}"`).toBe(
          false,
        );
      });
    }
  }, 60_000);

  it("never leaves a sub-heading alone at the bottom of a page, whatever follows it", async () => {
    // Paragraphs of 1 to 6 lines between sub-headings put the sub-headings at many heights on the page, so
    // some fall near the bottom whatever the page size and print size.
    const t = (text: string) => ({ type: "text" as const, text });
    const p = (text: string): Block => ({ type: "paragraph", children: [t(text)] });
    const sentence = "Keep the knee soft and breathe out slowly while you stretch. ";
    const next: Block[] = [
      {
        type: "table",
        align: [null, "right"],
        header: [[t("Stretch")], [t("Hold")]],
        rows: [
          [[t("Calf")], [t("30 s")]],
          [[t("Towel")], [t("15 s")]],
        ],
      },
      {
        type: "list",
        ordered: true,
        items: [{ content: [p("Stand facing a wall with one foot behind the other.")] }, { content: [p("Lean in.")] }],
      },
      p("A short paragraph right after the sub-heading."),
    ];
    const blocks: Block[] = Array.from({ length: 36 }, (_, i) => [
      p(sentence.repeat(1 + ((i * 7) % 6) * 2)),
      { type: "heading" as const, level: 3 as const, children: [t(`Step ${i + 1}`)] },
      next[i % next.length]!,
    ]).flat();
    for (const options of [{}, { largePrint: true }, { pageSize: "A4" as const, largePrint: true }]) {
      const base = sampleInput({ ...options, notes: "" }, []);
      const input = {
        ...base,
        sections: [
          { key: "steps", title: "Steps", kind: "content" as const, blocks, citedRefKeys: [] },
          ...base.sections,
        ],
      };
      const pages = pdftotextPages((await renderHandoutPdf(input)).bytes, "-layout");
      expect(pages.length).toBeGreaterThan(4);
      pages.slice(0, -1).forEach((page, i) => {
        const body = page.split("\n").filter((l) => l.trim() && !/Page \d+ of \d+/.test(l));
        expect(body.at(-1)!.trim(), `${JSON.stringify(options)}: page ${i + 1} ends with a sub-heading`).not.toMatch(
          /^Step \d+$/,
        );
      });
    }
  }, 60_000);

  it("prints hostile text verbatim, with no script and only https, mailto and tel links", async () => {
    const hostileBlocks: Block[] = [
      {
        type: "paragraph",
        children: [
          { type: "link", href: "javascript:alert(4)", children: [{ type: "text", text: "js link" }] },
          { type: "text", text: " " },
          {
            type: "link",
            href: "data:text/html,<script>alert(5)</script>",
            children: [{ type: "text", text: "data link" }],
          },
          { type: "text", text: " " },
          { type: "link", href: "http://plain.example", children: [{ type: "text", text: "http link" }] },
          { type: "text", text: " " },
          { type: "link", href: "https://safe.example/page", children: [{ type: "text", text: "https link" }] },
        ],
      },
    ];
    const base = sampleInput(
      {
        title: "<script>alert('t')</script>",
        preparedFor: "<img src=x onerror=alert(6)>",
        notes: "<script>alert(1)</script>\n[x](javascript:alert(1))\njavascript:alert(2)",
        contact: { website: "javascript:alert(3)", email: "x@example.com?body=<script>", clinicName: "<b>Clinic</b>" },
      },
      ["symptoms"],
    );
    const hostile = await renderHandoutPdf({
      ...base,
      sections: [
        { key: "links", title: "Links", kind: "content", blocks: hostileBlocks, citedRefKeys: [] },
        ...base.sections,
      ],
    });
    const text = pdftotext(hostile.bytes);
    for (const verbatim of [
      "<script>alert('t')</script>",
      "Prepared for <img src=x onerror=alert(6)>",
      "<script>alert(1)</script>",
      "[x](javascript:alert(1))",
      "javascript:alert(2)",
      "javascript:alert(3)",
      "x@example.com?body=<script>",
      "Questions? Contact <b>Clinic</b>",
      "js link data link http link https link",
    ]) {
      expect(text).toContain(verbatim);
    }
    expect(pdfinfo(hostile.bytes)).toMatch(/JavaScript:\s+no/);
    const raw = qpdfQdf(hostile.bytes);
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|\/SubmitForm|\/ImportData|\/OpenAction/);
    const uris = linkTargets(hostile.bytes);
    expect(uris).toContain("https://safe.example/page");
    expect(uris).toContain("tel:5550102400");
    for (const uri of uris) expect(uri).toMatch(/^(https:|mailto:|tel:)/);
    expect(uris.some((u) => u.startsWith("mailto:"))).toBe(false);
  }, 30_000);

  it("draws the logo from bytes, skips bytes that are no image, and uses dark header text on a light brand colour", async () => {
    expect(qpdfQdf(full)).toMatch(/\/Subtype\s*\/Image/);
    const notAnImage = await renderHandoutPdf(
      withBranding({ logoPng: new TextEncoder().encode("<svg onload=alert(1)>") }),
    );
    expect(qpdfQdf(notAnImage.bytes)).not.toMatch(/\/Subtype\s*\/Image/);
    expect(pdftotext(notAnImage.bytes)).toContain("Riverside Spine & Wellness");
    // White header text (fill 1 1 1) on the dark blue band; on yellow (#ffeb3b, 1.2:1 with white) none at all.
    const yellow = await renderHandoutPdf(withBranding({ primaryColor: "#ffeb3b" }));
    expect(qpdfQdf(full)).toMatch(/^1 1 1 scn$/m);
    expect(qpdfQdf(yellow.bytes)).not.toMatch(/^1 1 1 scn$/m);
    // A colour that is not #rrggbb falls back to the default instead of reaching react-pdf.
    const odd = await renderHandoutPdf(withBranding({ primaryColor: "url(javascript:alert(1))" }));
    expect(odd.pages).toBeGreaterThan(0);
  }, 30_000);

  it("fails a render that throws instead of returning the previous handout", async () => {
    await renderHandoutPdf(sampleInput({ title: "Handout for the previous patient" }, ["symptoms"]));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await expect(
        renderHandoutPdf({ ...sampleInput(), sections: null as unknown as HandoutPdfInput["sections"] }),
      ).rejects.toThrow();
    } finally {
      error.mockRestore();
    }
    const next = await renderHandoutPdf(sampleInput({ title: "Handout for the next patient" }, ["symptoms"]));
    expect(pdftotext(next.bytes)).toContain("Handout for the next patient");
    expect(pdftotext(next.bytes)).not.toContain("previous patient");
  }, 30_000);

  it("draws page 1 only for the preview, exactly as page 1 of the whole handout, and still counts every page", async () => {
    const input = sampleInput();
    const whole = await renderHandoutPdf(input);
    const first = await renderHandoutPdf(input, { firstPageOnly: true });
    expect(whole.pages).toBeGreaterThan(1);
    expect(first.pages).toBe(whole.pages);
    expect(pdfinfo(first.bytes)).toMatch(/Pages:\s+1\n/);
    const [page1] = pdftotextPages(first.bytes, "-layout");
    expect(page1).toBe(pdftotextPages(whole.bytes, "-layout")[0]);
    expect(page1).toContain(`Page 1 of ${whole.pages}`);
    expect(first.bytes.length).toBeLessThan(whole.bytes.length);
  }, 30_000);

  it("gives the same bytes for the same input, from cold or warm render caches (shaped runs, laid-out text and blocks, font subsets), and counts pages as pdfinfo does", async () => {
    for (const [options, keys] of [
      [{}, ["symptoms", "treatment"]],
      [{ largePrint: true, pageSize: "A4" }, undefined],
    ] as [SampleOptions, string[] | undefined][]) {
      const input = sampleInput(options, keys);
      clearRenderCaches();
      const cold = await renderHandoutPdf(input);
      const warm = await renderHandoutPdf(input);
      expect(warm.sha256).toBe(cold.sha256);
      // Other documents in between share most paragraphs at other widths, sizes and colours.
      await renderHandoutPdf(
        sampleInput({ ...options, pageSize: input.pageSize === "A4" ? "LETTER" : "A4", notes: "Other notes." }, keys),
      );
      await renderHandoutPdf({
        ...input,
        largePrint: !input.largePrint,
        branding: { ...input.branding, primaryColor: "#ffee00" },
      });
      expect((await renderHandoutPdf(input)).sha256).toBe(cold.sha256);
    }
    // A draft whose notes changed: its other blocks come laid out from the render before.
    const edited = sampleInput({ notes: "Edited notes.\n- a new line" });
    clearRenderCaches();
    await renderHandoutPdf(sampleInput());
    const afterEdit = await renderHandoutPdf(edited);
    clearRenderCaches();
    expect(afterEdit.sha256).toBe((await renderHandoutPdf(edited)).sha256);
    const input = sampleInput({}, ["symptoms"]);
    const [a, b] = [await renderHandoutPdf(input), await renderHandoutPdf(input)];
    expect(a.sha256).toBe(b.sha256);
    expect(a.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(a.pages).toBe(Number(/Pages:\s+(\d+)/.exec(pdfinfo(a.bytes))![1]));
  }, 30_000);
});
