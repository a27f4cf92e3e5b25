import { describe, expect, it } from "vitest";
import { contrastRatio, readableOnWhite, safeHex, textColorOn } from "@/lib/colors";
import { hyphenateLongWords } from "@/lib/pdf/fonts";

describe("contrastRatio", () => {
  it("matches the WCAG 2.1 figures", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#fff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#ffffff", "#1d4e89")).toBeGreaterThan(4.5);
  });

  it("puts dark text on light brand colours and white text on dark ones", () => {
    expect(textColorOn("#ffeb3b")).toBe("#1a1a1a");
    expect(textColorOn("#777777")).toBe("#1a1a1a");
    expect(textColorOn("#767676")).toBe("#ffffff");
    expect(textColorOn("#1d4e89")).toBe("#ffffff");
    expect(readableOnWhite("#ffeb3b")).toBe("#1a1a1a");
    expect(readableOnWhite("#1d4e89")).toBe("#1d4e89");
  });

  it("only lets #rrggbb colours through", () => {
    expect(safeHex("#A1b2C3", "#000000")).toBe("#A1b2C3");
    expect(safeHex("red", "#000000")).toBe("#000000");
    expect(safeHex("url(javascript:alert(1))", "#000000")).toBe("#000000");
  });
});

describe("hyphenateLongWords", () => {
  it("keeps ordinary words whole", () => {
    for (const word of ["Transcutaneous", "anti-inflammatory", "and/or", "Spondylolisthesis–related"])
      expect(hyphenateLongWords(word)).toEqual([word]);
  });

  it("lets Chinese, Japanese and Korean break between characters, but not before closing punctuation", () => {
    expect(hyphenateLongWords("背痛很严重。")).toEqual(["背", "痛", "很", "严", "重。"]);
    expect(hyphenateLongWords("「ひらがな」です")).toEqual(["「ひ", "ら", "が", "な」", "で", "す"]);
    expect(hyphenateLongWords("한국어")).toEqual(["한", "국", "어"]);
    expect(hyphenateLongWords("Tylenol（泰诺）")).toEqual(["Tylenol", "（泰", "诺）"]);
  });

  it("gives web addresses break points at their punctuation, losing no character", () => {
    const url =
      "https://www.merckmanuals.com/home/bone,-joint,-and-muscle-disorders/low-back-and-neck-pain/low-back-pain";
    const parts = hyphenateLongWords(url);
    expect(parts.join("")).toBe(url);
    expect(parts.slice(0, 6)).toEqual(["https://", "www", ".merckmanuals", ".com", "/home", "/bone"]);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(30);
    expect(hyphenateLongWords("https://example.org/a")).toEqual(["https://", "example.org", "/a"]);
    const blob = "x".repeat(95);
    expect(hyphenateLongWords(blob).join("")).toBe(blob);
    expect(Math.max(...hyphenateLongWords(blob).map((p) => p.length))).toBeLessThanOrEqual(30);
  });
});
