import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { blocksToMarkdown } from "@/lib/guides/editor/blocks-to-markdown";
import { draftToMarkdown } from "@/lib/guides/editor/draft-markdown";
import { checkDraftShape, placeErrors } from "@/lib/guides/editor/draft-issues";
import { applyFormat } from "@/lib/guides/editor/markdown-format";

const section = (title: string, markdown: string) => ({ title, markdown, required: false, keepUnlocked: false });

describe("guide editor, pure parts", () => {
  it("turns every section of the seed guides back into Markdown that parses to the same blocks", () => {
    const dir = path.join(process.cwd(), "prisma", "seed", "guides");
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".md")) : [];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const parsed = parseGuideMarkdown(fs.readFileSync(path.join(dir, file), "utf8"));
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      for (const s of parsed.guide.sections.filter((x) => x.kind !== "references")) {
        const again = parseGuideMarkdown(`# T\n\n## ${s.title}\n\n${blocksToMarkdown(s.blocks)}\n`);
        if (!again.ok) throw new Error(`${file} ${s.title}: ${again.errors.join("; ")}`);
        // Citations re-resolve against the references on publish; here, without them, compare their text.
        const strip = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/"refKey":"[^"]*"/g, '"refKey":null'));
        expect(strip(again.guide.sections[0]!.blocks), `${file}: ${s.title}`).toEqual(strip(s.blocks));
      }
    }
  });

  it("reads an attached picture as an image block with its description and caption; plain Markdown keeps the old rule", () => {
    const md =
      '# T\n\n## Stretch\n\n![A calf stretch against a wall](image:abc "Hold for 30 seconds")\n\nText.\n\n## Disclaimer\n\nAdvice.';
    const attached = parseGuideMarkdown(md, { images: { "image:abc": "abc" } });
    expect(attached.ok && attached.guide.sections[0]!.blocks[0]).toEqual({
      type: "image",
      imageId: "abc",
      alt: "A calf stretch against a wall",
      caption: "Hold for 30 seconds",
    });
    expect(attached.ok && attached.guide.sections[0]!.plainText).toBe("Hold for 30 seconds.\nText.");
    const plain = parseGuideMarkdown(md);
    expect(plain.ok && plain.warnings.join(" ")).toMatch(/Images are not imported/);
    const noAlt = parseGuideMarkdown(md.replace("A calf stretch against a wall", ""), {
      images: { "image:abc": "abc" },
    });
    expect(!noAlt.ok && noAlt.errors.join(" ")).toMatch(/has no description/);
    const inline = parseGuideMarkdown(md.replace("\n\nText.", " Text."), { images: { "image:abc": "abc" } });
    expect(!inline.ok && inline.errors.join(" ")).toMatch(/must be on a line of its own/);
  });

  it("places the parser's messages on the section and field they are about, with the section's own line numbers", () => {
    const draft = {
      title: "Knee",
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: "",
      sections: [section("One", "Fine."), section("Two", "Text\n\n<div>x</div>")],
    };
    const { markdown, lines } = draftToMarkdown(draft);
    const parsed = parseGuideMarkdown(markdown);
    expect(parsed.ok).toBe(false);
    const issues = placeErrors(parsed.ok ? [] : parsed.errors, draft, lines, checkDraftShape(draft));
    expect(issues.sections[1]).toEqual([expect.stringMatching(/Raw HTML is not allowed \(line 3 of this section\)/)]);
    expect(issues.sections[0]).toEqual([]);
    const shape = checkDraftShape({ ...draft, title: "", sections: [section("", "## Oops")] });
    expect(shape.fields.title).toBeDefined();
    expect(shape.sections[0]).toEqual(["Give this section a title.", expect.stringMatching(/^Line 1: use ###/)]);
  });

  it("escapes a section title so it stays one plain heading", () => {
    const draft = {
      title: "T",
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: "",
      sections: [section("Step #1 *now* [x]", "Text.")],
    };
    const parsed = parseGuideMarkdown(draftToMarkdown(draft).markdown);
    expect(parsed.ok && parsed.guide.sections[0]!.title).toBe("Step #1 *now* [x]");
  });

  it("applies the toolbar's formats to the selection", () => {
    expect(applyFormat("bold", { text: "a word here", start: 2, end: 6 })).toEqual({
      text: "a **word** here",
      start: 4,
      end: 8,
    });
    expect(applyFormat("numbers", { text: "one\ntwo", start: 0, end: 7 }).text).toBe("1. one\n2. two");
    expect(applyFormat("bullets", { text: "Intro\nitem", start: 7, end: 7 }).text).toBe("Intro\n\n- item");
    expect(applyFormat("link", { text: "see this", start: 4, end: 8 }).text).toBe("see [this](https://)");
    expect(applyFormat("subheading", { text: "Title", start: 0, end: 0 }).text).toBe("### Title");
    const table = parseGuideMarkdown(
      `# T\n\n## S\n\n${applyFormat("table", { text: "Intro.", start: 6, end: 6 }).text}`,
    );
    expect(table.ok && table.guide.sections[0]!.blocks.map((b) => b.type)).toEqual(["paragraph", "table"]);
  });
});
