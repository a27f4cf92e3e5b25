import { describe, it, expect } from "vitest";
import type { Inline } from "@/lib/guides/blocks";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";

const references =
  "## References\n\n- Bhatia, A., & Cohen, S. P. (2020). Back pain drugs.\n- Merck Manual. (2022). Low back pain.\n\n## Disclaimer\n\nGeneral information only.\n";

function parse(body: string) {
  const result = parseGuideMarkdown(`# T\n\n## Care\n\n${body}\n\n${references}`);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  const care = result.guide.sections[0];
  const first = care?.blocks[0];
  return { warnings: result.warnings, care, inlines: first?.type === "paragraph" ? first.children : [] };
}

describe("inline citations", () => {
  it("splits citations out of text and resolves them by author or surname and year", () => {
    const { inlines, warnings, care } = parse("Rest helps (Merck Manual, 2022). Drugs too (Anuj Bhatia et al., 2020).");
    expect(inlines).toEqual<Inline[]>([
      { type: "text", text: "Rest helps " },
      { type: "cite", text: "(Merck Manual, 2022)", refKey: "merck-manual-2022" },
      { type: "text", text: ". Drugs too " },
      { type: "cite", text: "(Anuj Bhatia et al., 2020)", refKey: "bhatia-2020" },
      { type: "text", text: "." },
    ]);
    expect(warnings).toEqual([]);
    expect(care?.citedRefKeys).toEqual(["merck-manual-2022", "bhatia-2020"]);
  });

  it("accepts a period before the year and keeps marks around a citation", () => {
    const { inlines } = parse("**Ice works (Merck Manual. 2022) well**");
    expect(inlines).toEqual<Inline[]>([
      { type: "text", text: "Ice works ", bold: true },
      { type: "cite", text: "(Merck Manual. 2022)", refKey: "merck-manual-2022" },
      { type: "text", text: " well", bold: true },
    ]);
  });

  it("warns about a citation that matches no reference, including a wrong year", () => {
    const { inlines, warnings, care } = parse("Heat (Smith, 2021) and drugs (Bhatia et al., 2019).");
    expect(inlines.filter((inline) => inline.type === "cite")).toEqual([
      { type: "cite", text: "(Smith, 2021)", refKey: null },
      { type: "cite", text: "(Bhatia et al., 2019)", refKey: null },
    ]);
    expect(warnings).toEqual([
      'Citation "(Smith, 2021)" in section "Care" does not match any reference.',
      'Citation "(Bhatia et al., 2019)" in section "Care" does not match any reference.',
    ]);
    expect(care?.citedRefKeys).toEqual([]);
  });

  it("does not match a surname that is only the start of another name", () => {
    const { warnings } = parse("Drugs (Bhat, 2020).");
    expect(warnings).toEqual(['Citation "(Bhat, 2020)" in section "Care" does not match any reference.']);
  });

  it.each(["(see below)", "(2 to 3 times a day)", "(in 2020)", "(Figure 2, 2020)", "(since 2019)", "(Mayo, 20201)"])(
    "does not treat %s as a citation",
    (text) => {
      const { inlines, warnings } = parse(`Stretch gently ${text} each morning.`);
      expect(inlines).toEqual([{ type: "text", text: `Stretch gently ${text} each morning.` }]);
      expect(warnings).toEqual([]);
    },
  );
});
