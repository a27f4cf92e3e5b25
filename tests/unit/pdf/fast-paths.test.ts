// The render skips two pieces of work on text that cannot need them (patches/@react-pdf+textkit*,
// @react-pdf+layout*): the Unicode bidirectional algorithm on text with nothing right to left in it, and
// the emoji pattern on text with no character an emoji can hold. Each skip is only right if its character
// test lets through every character that could change the result: checked here for all of Unicode.
import { describe, expect, it } from "vitest";
import "@react-pdf/textkit";
import "@react-pdf/layout";
import bidiFactory from "bidi-js";
import emojiRegex from "emoji-regex-xs";
import { fastPathPattern } from "@/lib/pdf/patch-hooks";

const bidi = bidiFactory();
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

describe("the bidi fast path", () => {
  it("lets through every character that is right to left, an Arabic number or a directional control", () => {
    const mayNeedBidi = fastPathPattern("mayNeedBidi");
    // The classes that give a character of a left-to-right (or unmarked) paragraph a level above 0.
    const raising = new Set(["R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]);
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isSurrogate(cp)) continue;
      const ch = String.fromCodePoint(cp);
      if (!mayNeedBidi.test(ch) && raising.has(bidi.getBidiCharTypeName(ch))) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it("gives what the algorithm gives, on left-to-right text and on text that needs it", () => {
    const mayNeedBidi = fastPathPattern("mayNeedBidi");
    for (const text of [
      "Walk 10 minutes, twice a day (3–4 km).",
      "Dolor de espalda: ¿cuándo llamar?",
      "背痛 😀 Привет",
      "שלום 123",
      "مرحبا ١٢٣",
      "a\u2067b\u2069c",
    ]) {
      const levels = Array.from(bidi.getEmbeddingLevels(text, "ltr").levels);
      if (!mayNeedBidi.test(text)) expect(levels.every((l) => l === 0)).toBe(true);
      else expect(levels.some((l) => l > 0)).toBe(true);
    }
  });
});

describe("the emoji fast path", () => {
  it("lets through every character an emoji sequence can start with", () => {
    const mayHoldEmoji = fastPathPattern("mayHoldEmoji");
    const regex = emojiRegex();
    const missed: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (isSurrogate(cp)) continue;
      const ch = String.fromCharCode(cp);
      if (mayHoldEmoji.test(ch)) continue;
      // Alone, before a keycap and before a skin tone (a surrogate pair, so let through anyway).
      for (const text of [ch, `${ch}\u20e3`]) if (text.match(regex)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
    expect("👍🏽 #️⃣ ✅ 🇺🇸".replace(mayHoldEmoji, "")).not.toBe("👍🏽 #️⃣ ✅ 🇺🇸");
  });
});
