import { describe, expect, it } from "vitest";
import { readBlocks } from "@/lib/guides/blocks";
import { parseGuideFile } from "@/tests/support/sample-handout";

// Section.blocks is parsed on read. The seal hashes the blocks as read (lib/handouts/seal.ts), so reading
// what the importer stored must give it back exactly: no key dropped, nothing filled in.
const GUIDES = [
  "prisma/seed/guides/back-spasms.md",
  "prisma/seed/guides/back-spasms.plain.es.md",
  "tests/fixtures/guides/knee-replacement-recovery.md",
  "tests/fixtures/guides/diabetes-daily-care.md",
  "tests/fixtures/guides/heart-attack-going-home.md",
];

describe("reading a section's stored blocks", () => {
  it.each(GUIDES)("gives back exactly what the importer stored for %s", (file) => {
    for (const section of parseGuideFile(file).sections) {
      const stored: unknown = JSON.parse(JSON.stringify(section.blocks));
      expect(readBlocks(stored)).toStrictEqual(stored);
    }
  });

  it("keeps a key it does not know (a later portal's), and reads optional marks as absent", () => {
    const stored = [
      { type: "paragraph", children: [{ type: "text", text: "Rest.", lang: "en" }] },
      { type: "list", ordered: true, items: [] },
    ];
    expect(readBlocks(stored)).toStrictEqual(stored);
  });

  it("fails loudly on a damaged row instead of printing part of it", () => {
    expect(() => readBlocks([{ type: "paragraph", children: [{ type: "text", text: 42 }] }])).toThrow();
    expect(() => readBlocks([{ type: "video", src: "x" }])).toThrow();
    expect(() => readBlocks([{ type: "image", imageId: "a", caption: null }])).toThrow();
    expect(() => readBlocks({ type: "paragraph", children: [] })).toThrow();
    expect(() =>
      readBlocks([
        { type: "list", ordered: false, items: [{ content: [{ type: "heading", level: 2, children: [] }] }] },
      ]),
    ).toThrow();
  });
});
