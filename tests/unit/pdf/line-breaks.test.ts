import { describe, expect, it } from "vitest";
import { bindLastWords, breakShowsHyphen, isUrlLike, textWidth, urlParts } from "@/lib/pdf/line-breaks";

describe("web addresses in the PDF", () => {
  it("are told apart from words", () => {
    for (const word of [
      "https://doi.org/10.1080/14656566.2020.1735353",
      "www.cdc.gov",
      "(https://example.org/a)",
      "doi.org/10.2337/cd23-as01",
      "frontdesk@riverside-spine.example",
      "mailto:a@b.example",
    ]) {
      expect(isUrlLike(word), word).toBe(true);
    }
    for (const word of ["anti-inflammatory", "and/or", "e.g.", "Dr.Smith", "10.5", "mg/dL"])
      expect(isUrlLike(word), word).toBe(false);
  });

  it("break after // and before punctuation, a path step first, every piece at least two characters", () => {
    expect(urlParts("https://doi.org/10.1080/14656566.2020.1735353")).toEqual([
      "https://",
      "doi.org",
      "/10.1080",
      "/14656566",
      ".2020",
      ".1735353",
    ]);
    expect(urlParts("https://www.cdc.gov/diabetes/about/index.html")).toEqual([
      "https://",
      "www.cdc.gov",
      "/diabetes",
      "/about",
      "/index.html",
    ]);
    expect(urlParts("frontdesk@riverside-spine.example")).toEqual(["frontdesk", "@riverside", "-spine", ".example"]);
    const token = "https://example.org/file?id=1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R9s0.";
    const parts = urlParts(token);
    expect(parts.join("")).toBe(token);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(21);
    expect(parts.at(-1)!.length).toBeGreaterThan(1);
  });

  it("never show a hyphen at such a break, nor after a dash or slash the text has", () => {
    const text = "Retrieved from https://www.ninds.nih.gov/health-information/disorders and more";
    expect(breakShowsHyphen(text, text.indexOf("-information"))).toBe(false);
    expect(breakShowsHyphen(text, text.indexOf("/disorders"))).toBe(false);
    const words = "Spondylolisthesis-related anterolisthesisretrolisthesisandmore";
    expect(breakShowsHyphen(words, words.indexOf("related"))).toBe(false);
    expect(breakShowsHyphen(words, words.indexOf("retro"))).toBe(true);
  });
});

describe("bindLastWords", () => {
  it("joins a heading's last two words with a no-break space when they fit on a line together", () => {
    const fits = (words: string) => words.length <= 20;
    expect(bindLastWords("Treating Back Spasms: A Comprehensive Guide", fits)).toBe(
      "Treating Back Spasms: A Comprehensive\u00a0Guide",
    );
    expect(bindLastWords("Guide", fits)).toBe("Guide");
    expect(bindLastWords("Guide ", fits)).toBe("Guide ");
    expect(bindLastWords("Living With Spondylolisthesis Decompression", fits)).toBe(
      "Living With Spondylolisthesis Decompression",
    );
    expect(bindLastWords("Questions? Contact Riverside Spine & Wellness", fits)).toBe(
      "Questions? Contact Riverside Spine\u00a0&\u00a0Wellness",
    );
  });

  it("measures in the font, a full em for a character the font lacks, or 0.75 em a character without one", () => {
    const font = {
      unitsPerEm: 1000,
      layout: (t: string) => ({ advanceWidth: 500 * t.length }),
      hasGlyphForCodePoint: (cp: number) => cp < 0x3000,
    };
    expect(textWidth("abcd", 10, font)).toBe(20);
    expect(textWidth("ab背", 10, font)).toBe(25);
    expect(textWidth("abcd", 10)).toBe(30);
  });
});
