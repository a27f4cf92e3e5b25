import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import type { Block, Inline } from "@/lib/guides/blocks";
import { parseGuideMarkdown, type ParsedGuide } from "@/lib/guides/import/parse-markdown";

const file = path.resolve(__dirname, "../../../prisma/seed/guides/back-spasms.md");

function parseSeed(): { guide: ParsedGuide; warnings: string[] } {
  const result = parseGuideMarkdown(readFileSync(file));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

function citesIn(blocks: Block[]): Extract<Inline, { type: "cite" }>[] {
  return blocks.flatMap((block): Extract<Inline, { type: "cite" }>[] => {
    if (block.type === "list") return block.items.flatMap((item) => citesIn(item.content));
    if (block.type === "table" || block.type === "image") return [];
    return block.children.filter((inline) => inline.type === "cite");
  });
}

describe("back-spasms.md seed guide", () => {
  it("has the title, summary and review date from its front matter", () => {
    const { guide } = parseSeed();
    expect(guide.title).toBe("Treating Back Spasms: A Comprehensive Guide");
    expect(guide.summary).toMatch(/^Learning the cause of the problem/);
    expect(guide.source).toBe("Adapted from a public patient-education article");
    expect(guide.reviewed).toBe("2026-11-01");
  });

  it("imports to exactly the expected sections, in order, with stable keys and kinds", () => {
    const { guide } = parseSeed();
    expect(guide.sections.map((s) => [s.title, s.key, s.kind, s.required])).toEqual([
      ["What Is a Back Spasm", "what-is-a-back-spasm", "content", false],
      ["Symptoms", "symptoms", "content", false],
      ["Causes", "causes", "content", false],
      ["Risk Factors", "risk-factors", "content", false],
      ["Treatment", "treatment", "content", false],
      ["Prevention", "prevention", "content", false],
      ["References", "references", "references", false],
      ["Disclaimer", "disclaimer", "disclaimer", true],
    ]);
    expect(guide.sections.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("leaves out the publisher's contact and licence lines", () => {
    const text = readFileSync(file, "utf8");
    for (const left of ["Jimenez", "915-850-0900", "@", "License", "Table of Contents", "Personal Injury", "Bask"]) {
      expect(text).not.toContain(left);
    }
  });

  it("keeps the Symptoms bullet list as a list of its four items", () => {
    const symptoms = parseSeed().guide.sections.find((s) => s.key === "symptoms");
    const list = symptoms?.blocks.find((block) => block.type === "list");
    expect(list).toEqual({
      type: "list",
      ordered: false,
      items: [
        "Difficulty bending.",
        "A tight sensation in the back.",
        "Pulsing pains and sensations.",
        "Pain on one or both sides of the back.",
      ].map((text) => ({ content: [{ type: "paragraph", children: [{ type: "text", text }] }] })),
    });
  });

  it("has four references with https links", () => {
    const { guide } = parseSeed();
    expect(guide.references.map((ref) => ref.key)).toEqual([
      "medline-plus-2022",
      "merck-manual-2022",
      "national-institute-of-neurological-2023",
      "bhatia-2020",
    ]);
    for (const ref of guide.references) expect(ref.url).toMatch(/^https:\/\//);
    expect(guide.references[3]?.url).toBe("https://doi.org/10.1080/14656566.2020.1735353");
    const section = guide.sections.find((s) => s.kind === "references");
    expect(section?.blocks).toHaveLength(1);
    expect(section?.blocks[0]).toMatchObject({ type: "list", items: { length: 4 } });
  });

  it("resolves every inline citation to a reference, without warnings", () => {
    const { guide, warnings } = parseSeed();
    expect(warnings).toEqual([]);
    const cites = guide.sections.flatMap((s) => citesIn(s.blocks));
    expect(cites.length).toBeGreaterThanOrEqual(9);
    const keys = new Set(guide.references.map((ref) => ref.key));
    for (const cite of cites) expect(keys.has(cite.refKey ?? "unresolved"), cite.text).toBe(true);
  });

  it("records which references each section cites, Treatment citing Bhatia", () => {
    const byKey = new Map(parseSeed().guide.sections.map((s) => [s.key, s.citedRefKeys]));
    expect(byKey.get("symptoms")).toEqual(["medline-plus-2022"]);
    expect(byKey.get("risk-factors")).toEqual(["national-institute-of-neurological-2023"]);
    expect(byKey.get("treatment")).toEqual(["merck-manual-2022", "bhatia-2020"]);
    expect(byKey.get("prevention")).toEqual(["medline-plus-2022", "merck-manual-2022"]);
  });

  it("gives each section plain text without the citations", () => {
    const treatment = parseSeed().guide.sections.find((s) => s.key === "treatment");
    expect(treatment?.plainText).toContain("\nAnti-inflammatory medication.\n");
    expect(treatment?.plainText).not.toContain("2022");
  });
});
