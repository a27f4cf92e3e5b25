import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { Document, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block } from "@/lib/guides/blocks";
import { registerFonts } from "@/lib/pdf/fonts";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { sampleInput } from "@/tests/support/sample-handout";
import { pdfinfo, pdftotext, pdftotextPages, qpdfQdf } from "@/tests/support/pdf-tools";
import {
  flatten,
  markedContentReport,
  readStructure,
  type PdfStructure,
  type StructElement,
} from "@/tests/support/pdf-structure";

// A screen reader's view of the handout: the structure tree and marked content in the real PDF bytes.
const logo = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "public", "demo-logo.png")));
const t = (text: string, bold = false) => ({ type: "text" as const, text, bold });
const p = (text: string): Block => ({ type: "paragraph", children: [t(text)] });
const LONG = "Keep the knee soft and breathe out slowly while you stretch. ".repeat(80).trim();
const blocks: Block[] = [
  {
    type: "paragraph",
    children: [
      t("Start with the "),
      { type: "link", href: "https://example.org/stretches", children: [t("stretch guide", true)] },
      t(" online."),
    ],
  },
  { type: "heading", level: 3, children: [t("Stretches to try")] },
  {
    type: "list",
    ordered: false,
    items: [
      { content: [p("Knee to chest")] },
      { content: [p("Cat and cow"), { type: "list", ordered: false, items: [{ content: [p("Slowly")] }] }] },
    ],
  },
  { type: "heading", level: 4, children: [t("At your desk")] },
  {
    type: "list",
    ordered: true,
    start: 3,
    items: [{ content: [p("Roll your shoulders")] }, { content: [p("Stand up every hour")] }],
  },
  {
    type: "table",
    align: ["left", "right"],
    header: [[t("Exercise")], [t("Times a day")]],
    rows: [
      [[t("Walking")], [t("2")]],
      [[t("Stretching", true)], [t("3")]],
      [[t("Breathing")], [t("5")]],
    ],
  },
  p(LONG),
];
// In Spanish: the /Lang and everything the portal prints around the guide (headings, footer, alt text) follow it.
const base = sampleInput({ logoPng: logo, language: "es" }, ["symptoms"]);
// A warning-signs section (layout 2): boxed under its label, "Busque ayuda ahora" in a Spanish handout.
const warning = {
  key: "when-to-get-help",
  title: "When to Get Help",
  kind: "content" as const,
  blocks: [
    p("Call 911 at once if you have any of these:"),
    {
      type: "list" as const,
      ordered: false,
      items: [{ content: [p("Numbness in both legs")] }, { content: [p("Trouble passing urine")] }],
    },
  ],
  citedRefKeys: [],
  warning: true,
};
const input = {
  ...base,
  sections: [
    { key: "exercises", title: "Exercises", kind: "content" as const, blocks, citedRefKeys: [] },
    warning,
    ...base.sections,
  ],
};

let bytes: Buffer;
let pdf: PdfStructure;
let all: StructElement[];
beforeAll(async () => {
  bytes = (await renderHandoutPdf(input)).bytes;
  fs.mkdirSync("test-results/pdf", { recursive: true });
  fs.writeFileSync("test-results/pdf/tagged.pdf", bytes);
  pdf = readStructure(bytes);
  all = flatten(pdf.root!);
}, 30_000);

const squash = (s: string) => s.replace(/\s+/g, "");
const byRole = (role: string) => all.filter((e) => e.role === role);
const kids = (e: StructElement) => e.children.map((c) => c.role);

describe("the tagged handout PDF", () => {
  it("is marked as tagged, in the handout's language, showing its title", () => {
    expect(pdfinfo(bytes)).toMatch(/Tagged:\s+yes/);
    expect(pdf.markInfo).toEqual({ "/Marked": true });
    expect(pdf.catalog["/Lang"]).toBe("u:es");
    expect(pdf.viewerPreferences).toMatchObject({ "/DisplayDocTitle": true });
    expect(pdf.catalog["/Metadata"]).toBeDefined();
    expect(pdf.root!.role).toBe("Document");
  });

  it("has every heading in document order at its level", () => {
    // A heading's last two words are joined by a no-break space (U+00A0), which a screen reader reads as a space.
    const headings = all
      .filter((e) => /^H\d$/.test(e.role))
      .map((e) => `${e.role} ${e.text.replace(/\s+/g, " ").trim()}`);
    expect(headings).toEqual([
      "H1 Treating Back Spasms: A Comprehensive Guide",
      "H2 Notas de su profesional de salud",
      "H2 Exercises",
      "H3 Stretches to try",
      "H4 At your desk",
      "H2 When to Get Help",
      "H2 Symptoms",
      "H2 ¿Preguntas? Comuníquese con Riverside Spine & Wellness",
      "H2 Referencias",
      "H2 Disclaimer",
    ]);
  });

  it("has each list with its items, their bullet or number in Lbl and their text in LBody", () => {
    const lists = byRole("L");
    expect(lists.length).toBe(7);
    for (const list of lists) {
      expect(list.children.length).toBeGreaterThan(0);
      for (const item of list.children) expect([item.role, ...kids(item)]).toEqual(["LI", "Lbl", "LBody"]);
    }
    // Label and the body's first paragraph (a note's body is its text).
    const items = (list: StructElement) =>
      list.children.map((li) => {
        const [label, body] = li.children;
        return `${label!.text.trim()} ${(body!.children[0]?.role === "P" ? body!.children[0] : body!).text.trim()}`;
      });
    expect(items(lists.find((l) => l.text.includes("Heat pack"))!)).toEqual([
      "• Heat pack for 15 minutes before stretching",
      "• Call us if the pain spreads down your leg",
    ]);
    const bullets = lists.find((l) => l.text.includes("Knee to chest"))!;
    expect(items(bullets)).toEqual(["• Knee to chest", "• Cat and cow"]);
    // The nested list sits in its item's body, after the item's paragraph.
    const nested = bullets.children[1]!.children[1]!;
    expect(kids(nested)).toEqual(["P", "L"]);
    expect(items(nested.children[1]!)).toEqual(["– Slowly"]);
    expect(items(lists.find((l) => l.text.includes("Roll your shoulders"))!)).toEqual([
      "3. Roll your shoulders",
      "4. Stand up every hour",
    ]);
    const references = items(lists.find((l) => l.text.includes("Medline Plus"))!);
    expect(references).toHaveLength(1);
    expect(references[0]).toMatch(/^1\. Medline Plus\. \(2022\)/);
  });

  it("tags a warning-signs section as a section holding its label, its heading and its text; the icon is an artifact", () => {
    const sect = byRole("Sect").find((e) =>
      e.children.some((c) => c.role === "H2" && c.text.replace(/\s+/g, " ").trim() === "When to Get Help"),
    )!;
    expect(kids(sect)).toEqual(["P", "H2", "P", "L"]);
    expect(sect.children[0]!.text.trim()).toBe("Busque ayuda ahora");
    expect(squash(sect.text)).toBe(
      squash(
        "Busque ayuda ahora When to Get Help Call 911 at once if you have any of these: • Numbness in both legs • Trouble passing urine",
      ),
    );
    // The round "!" is drawn beside the label, printed but outside the structure tree.
    expect(pdftotext(bytes)).toMatch(/!\s*Busque ayuda ahora/);
  });

  it("has the table as rows of header and data cells", () => {
    const [table, ...more] = byRole("Table");
    expect(more).toHaveLength(0);
    expect(kids(table!)).toEqual(["TR", "TR", "TR", "TR"]);
    const cells = table!.children.map((tr) => tr.children.map((c) => `${c.role}:${c.text.trim()}`));
    expect(cells).toEqual([
      ["TH:Exercise", "TH:Times a day"],
      ["TD:Walking", "TD:2"],
      ["TD:Stretching", "TD:3"],
      ["TD:Breathing", "TD:5"],
    ]);
    for (const th of table!.children[0]!.children) expect(th.scope).toBe("Column");
  });

  it("describes the logo as a figure", () => {
    const [figure, ...more] = byRole("Figure");
    expect(more).toHaveLength(0);
    expect(figure!.alt).toBe("Logotipo de Riverside Spine & Wellness");
    expect(figure!.pages).toEqual([1]);
  });

  it("describes a patient link's QR code as a figure, with the address beside it as a link, before the notes", async () => {
    const url = "https://portal.example/h/" + "Q".repeat(43);
    const linked = readStructure(
      (await renderHandoutPdf({ ...input, link: sampleInput({ language: "es", link: url }).link })).bytes,
    );
    const elements = flatten(linked.root!);
    const figures = elements.filter((e) => e.role === "Figure");
    expect(figures.map((f) => f.alt)).toEqual([
      "Logotipo de Riverside Spine & Wellness",
      `Código QR: Escanee el código para leer este folleto en su teléfono ${url}`,
    ]);
    expect(figures[1]!.pages).toEqual([1]);
    expect(figures[1]!.mcids).toBeGreaterThan(0);
    expect(elements.filter((e) => e.role === "Link").map((l) => squash(l.text))).toContain(url);
    const order = elements
      .map((e) => (e === figures[1] ? "QR" : /^H\d$/.test(e.role) ? e.text.replace(/\s+/g, " ").trim() : null))
      .filter(Boolean);
    expect(order.slice(0, 3)).toEqual([
      "Treating Back Spasms: A Comprehensive Guide",
      "QR",
      "Notas de su profesional de salud",
    ]);
  });

  it("puts every link annotation in a Link element with its text, on the annotation's page", () => {
    const links = byRole("Link");
    const texts = links.map((l) => l.text.trim());
    expect(texts).toContain("stretch guide");
    expect(texts).toContain("(555) 010-9999");
    expect(texts).toContain("frontdesk@riverside-spine.example");
    expect(texts).toContain("https://medlineplus.gov/ency/article/007425.htm");
    const annotations = links.flatMap((l) => l.annotations);
    expect(annotations.length).toBe((qpdfQdf(bytes).match(/\/Subtype \/Link/g) ?? []).length);
    for (const a of annotations) expect(a).toEqual({ page: expect.any(Number), structParentOk: true });
    for (const a of annotations) expect(a.page).toBeGreaterThan(0);
    // The link sits inside its paragraph: "Start with the stretch guide online."
    const paragraph = byRole("P").find((e) => e.text.startsWith("Start with the"))!;
    expect(kids(paragraph)).toEqual(["Link"]);
    expect(paragraph.text).toBe("Start with the stretch guide online.");
  });

  it("keeps a paragraph that runs over a page break as one P with content on both pages", () => {
    const [long, ...more] = byRole("P").filter((e) => e.text.startsWith("Keep the knee soft"));
    expect(more).toHaveLength(0);
    expect(squash(long!.text)).toBe(squash(LONG));
    const pages = [...new Set(long!.pages)];
    expect(pages.length).toBeGreaterThan(1);
    // Page after page, each continuing where the last stopped.
    expect(pages).toEqual(Array.from({ length: pages.length }, (_, i) => pages[0]! + i));
    expect(long!.pages).toEqual([...long!.pages].sort((a, b) => a - b));
  });

  it("reads in the order the page shows, with the footer left out as a pagination artifact", () => {
    const pages = pdftotextPages(bytes, "-raw");
    const visible = squash(
      pages
        .map((page) =>
          page
            .split("\n")
            .filter((l) => !/Page \d+ of \d+$/.test(l))
            .join(""),
        )
        .join(""),
    );
    let at = 0;
    for (const e of all.filter((e) => e.mcids > 0 && e.role !== "Figure")) {
      const own = squash(e.text);
      const found = visible.indexOf(own.slice(0, 40), at);
      expect(found, `${e.role} "${e.text.slice(0, 40)}" in reading order`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(pdftotext(bytes)).toContain(`Página 1 de ${pages.length}`);
    expect(pdf.root!.text).not.toMatch(/Page \d+ of/);
    expect(pdf.root!.text).not.toContain("Riverside Spine & Wellness · (555)");
    pdf.pages.forEach((page) => {
      expect(markedContentReport(page.content).artifacts).toContain("/Artifact << /Type /Pagination >> BDC");
    });
  });

  it("has the same tree when the classic pagination engine draws the footer as a fixed view", async () => {
    const classic = readStructure((await renderHandoutPdf(input, { fastPagination: false })).bytes);
    const outline = (root: StructElement) =>
      flatten(root).map((e) => `${e.role} ${squash(e.text).slice(0, 30)} ${[...new Set(e.pages)].join(",")}`);
    expect(outline(classic.root!)).toEqual(outline(pdf.root!));
    expect(classic.root!.text).not.toMatch(/Page \d+ of/);
  }, 30_000);

  it("marks everything painted as structure or artifact, with a parent tree for every page", () => {
    expect(pdf.pages.length).toBeGreaterThan(2);
    pdf.pages.forEach((page, i) => {
      expect(page.structParents, `page ${i + 1}`).toBeTypeOf("number");
      expect(markedContentReport(page.content), `page ${i + 1}`).toMatchObject({
        unmarked: 0,
        maxDepth: 1,
        balanced: true,
      });
    });
    expect(pdf.parentTreeOk).toBe(true);
  });

  it("leaves a document that does not ask for tags untagged", async () => {
    registerFonts();
    const plain = await renderToBuffer(
      createElement(Document, null, createElement(Page, null, createElement(Text, { tag: "P" } as never, "Hello"))),
    );
    expect(pdfinfo(plain)).toMatch(/Tagged:\s+no/);
    expect(plain.toString("latin1")).not.toMatch(/StructTreeRoot|MarkInfo|BDC/);
  });
});
