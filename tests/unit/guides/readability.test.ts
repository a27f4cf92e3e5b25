import { describe, it, expect } from "vitest";
import {
  blocksToPlainText,
  GRADE_TARGET,
  MIN_SCORED_WORDS,
  readingLevel,
  readingScale,
  readingStats,
} from "@/lib/guides/readability";
import { fitPaste, notesReadingText } from "@/lib/handouts/notes";

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

const PROSE =
  "Rest your back for a day or two. Then start to walk a little each morning and evening. Use a warm pack for twenty minutes when the muscle feels tight. Call us if the pain spreads down your leg.";

describe("readingLevel", () => {
  it("scores prose of at least MIN_SCORED_WORDS words", () => {
    const level = readingLevel(PROSE);
    expect(level.kind).toBe("scored");
    expect(level.words).toBeGreaterThanOrEqual(MIN_SCORED_WORDS);
    expect(level).toMatchObject(readingStats(PROSE));
  });

  it("does not score text too short for a formula, however easy it looks", () => {
    expect(readingLevel("Ice it. Rest. Walk daily.")).toEqual({ kind: "too-short", words: 5 });
    const words = PROSE.split(" ");
    expect(readingLevel(words.slice(0, MIN_SCORED_WORDS - 1).join(" ")).kind).toBe("too-short");
    expect(readingLevel(words.slice(0, MIN_SCORED_WORDS).join(" ")).kind).toBe("scored");
    expect(readingLevel("  ")).toEqual({ kind: "empty", words: 0 });
  });

  it("does not score one giant word (a paste of one character 4,000 times)", () => {
    expect(readingLevel("a".repeat(4000)).kind).toBe("too-short");
  });

  it("does not score text mostly made of bullet points, and scores prose with a short list", () => {
    const bullets = Array.from({ length: 12 }, (_, i) => `- Stretch number ${i + 1} twice`).join("\n");
    const listy = notesReadingText(`Do these:\n${bullets}`);
    expect(readingLevel(listy.text, "en", listy.list)).toMatchObject({ kind: "list" });
    const mixed = notesReadingText(`${PROSE}\n- Ice\n- Heat`);
    expect(readingLevel(mixed.text, "en", mixed.list).kind).toBe("scored");
  });

  it("applies the same rules to Spanish, counting Spanish words", () => {
    expect(readingLevel("Descanse. Camine un poco.", "es")).toEqual({ kind: "too-short", words: 4 });
    const items = Array.from({ length: 12 }, (_, i) => `- Estiramiento número ${i + 1} dos veces`).join("\n");
    const listy = notesReadingText(items);
    expect(readingLevel(listy.text, "es", listy.list).kind).toBe("list");
  });

  it("shows a Flesch-Kincaid grade past 20 as 20+", () => {
    const scale = readingScale("en");
    expect(scale.unit(7.25)).toBe("grade 7.3");
    expect(scale.unit(20)).toBe("grade 20.0");
    expect(scale.unit(358.1)).toBe("grade 20+");
  });
});

describe("notes", () => {
  it("reads bullet points as sentences and names them as the list part", () => {
    expect(notesReadingText("Take it easy.\n- Ice\n- Rest!")).toEqual({
      text: "Take it easy.\nIce.\nRest!",
      list: "Ice.\nRest!",
    });
  });

  it("keeps the beginning of a paste that does not fit, never half a character", () => {
    expect(fitPaste("abcdef", 10)).toEqual({ kept: "abcdef", cut: 0 });
    expect(fitPaste("abcdef", 4)).toEqual({ kept: "abcd", cut: 2 });
    expect(fitPaste("abc\u{1F600}def", 4)).toEqual({ kept: "abc", cut: 5 }); // the emoji is two UTF-16 units
    expect(fitPaste("abc", -2)).toEqual({ kept: "", cut: 3 });
  });
});
