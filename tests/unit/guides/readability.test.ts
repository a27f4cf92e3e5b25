import { describe, it, expect } from "vitest";
import { blocksToPlainText, GRADE_TARGET, readingStats } from "@/lib/guides/readability";

describe("readingStats", () => {
  it("scores simple text at a lower grade than complex text", () => {
    const simple = readingStats("Rest your back. Use ice for a day. Then use heat. Walk a bit each day.");
    const complex = readingStats(
      "Pharmacological management of acute lumbosacral musculoskeletal dysfunction frequently incorporates nonsteroidal anti-inflammatory medications, notwithstanding considerable interindividual variability in therapeutic responsiveness.",
    );
    expect(simple.grade).toBeLessThan(GRADE_TARGET);
    expect(complex.grade).toBeGreaterThan(GRADE_TARGET);
    expect(simple.grade).toBeLessThan(complex.grade);
    expect(simple.words).toBe(16);
    expect(Number.isInteger(complex.grade * 10)).toBe(true);
  });

  it("gives 0 for empty text", () => {
    expect(readingStats("")).toEqual({ grade: 0, words: 0 });
    expect(readingStats("  \n ")).toEqual({ grade: 0, words: 0 });
  });

  it("turns list items into sentences so a list does not read as one long sentence", () => {
    const text = blocksToPlainText([
      { type: "paragraph", children: [{ type: "text", text: "Try these:" }] },
      {
        type: "list",
        ordered: false,
        items: [
          { content: [{ type: "paragraph", children: [{ type: "text", text: "Heat" }] }] },
          { content: [{ type: "paragraph", children: [{ type: "text", text: "Ice!" }] }] },
        ],
      },
    ]);
    expect(text).toBe("Try these:\nHeat.\nIce!");
  });
});
