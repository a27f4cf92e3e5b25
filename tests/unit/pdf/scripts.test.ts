import { describe, expect, it } from "vitest";
import { Font } from "@react-pdf/renderer";
import { printableText, unprintableCharacters } from "@/lib/printable/coverage";
import { FONT_FAMILY, loadedFontFamilies } from "@/lib/pdf/fonts";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { SCRIPT_SAMPLES, sampleInput } from "@/tests/support/sample-handout";
import { pdffonts, pdftotext, pdftotextReading, textLines } from "@/tests/support/pdf-tools";

const SCRIPTS = SCRIPT_SAMPLES;
const RTL = new Set(["arabic", "hebrew"]);
const BIDI_MARKS = /[\u202a-\u202e]/g;
const render = async (notes: string, title?: string) =>
  (await renderHandoutPdf(sampleInput({ notes, ...(title ? { title } : {}) }, ["symptoms"]))).bytes;
const fontRows = (bytes: Buffer) =>
  pdffonts(bytes)
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => ({
      name: l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""),
      embedded: / yes\s+yes\s+yes\s+\d+\s+\d+\s*$/.test(l),
      line: l,
    }));

describe("handouts in every script clinicians type", () => {
  it("reads only DejaVu for a Latin handout, and a CJK font only once a document needs it", async () => {
    const latin = await render("Walk 10 minutes twice a day.");
    expect(
      fontRows(latin)
        .map((r) => r.name)
        .every((n) => n.startsWith("DejaVuSans")),
    ).toBe(true);
    expect(loadedFontFamilies().sort()).toEqual([FONT_FAMILY, "Helvetica"].sort());
    await render(SCRIPTS.korean);
    expect(loadedFontFamilies()).toContain("Noto Sans KR");
    expect(loadedFontFamilies()).not.toContain("Noto Sans SC");
  }, 30_000);

  it("gives every character back, embeds every font, and never falls back to a standard font", async () => {
    const pdf = await render(Object.values(SCRIPTS).join("\n\n"));
    const raw = pdftotext(pdf).replace(BIDI_MARKS, "");
    for (const [script, text] of Object.entries(SCRIPTS)) if (!RTL.has(script)) expect(raw, script).toContain(text);
    // Right to left: textkit reorders each line (UAX #9), so the content stream holds the words in visual
    // order, right to left (-raw shows "بك مرحبا"); poppler's reading order puts them back in logical order.
    expect(raw).toContain("بك مرحبا");
    const reading = pdftotextReading(pdf).replace(BIDI_MARKS, "").split("\n");
    expect(reading).toContain(SCRIPTS.arabic);
    expect(reading).toContain(SCRIPTS.hebrew);
    const rows = fontRows(pdf);
    for (const row of rows) expect(row.embedded, row.line).toBe(true);
    expect(rows.map((r) => r.name).join(" ")).not.toMatch(/Helvetica|Times|Courier|Symbol|Dingbats|Arial/);
    for (const name of ["DejaVuSans", "NotoEmoji-Regular", "NotoSansJP-Regular", "NotoSansKR-Regular"])
      expect(rows.map((r) => r.name)).toContain(name);
  }, 30_000);

  it("lays a note paragraph that starts in Arabic or Hebrew out right to left", async () => {
    const hebrew = "שלום, קח 2 כדורים Advil פעמיים ביום.";
    const pdf = await render(`Walk daily.\n\n${hebrew}\n\n- مرحبا بك في العيادة`);
    // Visual order, left to right: the sentence's first word is on the right, "Advil" sits between its neighbours.
    expect(pdftotext(pdf).replace(BIDI_MARKS, "")).toContain(".ביום פעמיים Advil כדורים 2 קח ,שלום");
    const lines = textLines(pdf);
    const latin = lines.find((l) => l.text === "Walk daily.")!;
    const right = lines.find((l) => l.text.includes("Advil"))!;
    // -bbox-layout lists a line's words left to right, each word's glyphs in drawing order.
    const arabic = lines.find((l) => l.text.includes("ةدايعلا"))!;
    expect(right.xMax).toBeCloseTo(latin.xMin + 484, 0); // the notes box's text area is 484 pt wide
    expect(right.xMin).toBeGreaterThan(latin.xMin + 200);
    expect(arabic.text).toMatch(/ •$/);
    expect(arabic.xMax).toBeCloseTo(latin.xMin + 484, 0);
  }, 30_000);

  it("sets italic and bold text a face lacks in a face that has it, right after upright text too", async () => {
    const t = (text: string, italic = false, bold = false) => ({ type: "text" as const, text, italic, bold });
    const base = sampleInput({ notes: "" }, []);
    const children = [
      t("Upright "),
      t("مرحبا", true),
      t(" 背痛 "),
      t("背痛", true),
      t(" 👍 "),
      t("👍", true),
      t(" "),
      t("مرحبا 背痛", true, true),
    ];
    const pdf = await renderHandoutPdf({
      ...base,
      sections: [
        { key: "mix", title: "Mix", kind: "content", citedRefKeys: [], blocks: [{ type: "paragraph", children }] },
      ],
    });
    // DejaVu Sans Oblique has no Arabic: it comes from upright DejaVu instead of an empty box.
    expect(pdftotext(pdf.bytes).replace(BIDI_MARKS, "")).toContain("Upright مرحبا 背痛 背痛 👍 👍 مرحبا 背痛");
  }, 30_000);

  it("shapes Arabic: letters take their joined forms", async () => {
    await render(SCRIPTS.arabic);
    type Shaper = { layout(t: string, ...rest: unknown[]): { glyphs: { name: string }[] } };
    const dejavu = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight: 400, fontStyle: "normal" })
      .data as unknown as Shaper;
    // As textkit asks (logical order, it reorders itself): ب initial + ك final, not the isolated U+0628 U+0643.
    expect(dejavu.layout("بك", undefined, undefined, undefined, "ltr").glyphs.map((g) => g.name)).toEqual([
      "uniFE91",
      "uniFEDA",
    ]);
  }, 30_000);

  it("sets Han characters in the regional font the text reads as", async () => {
    const cjk = async (notes: string) =>
      fontRows(await render(notes))
        .map((r) => r.name)
        .filter((n) => n.startsWith("NotoSans"));
    expect(await cjk(SCRIPTS.simplified)).toEqual(["NotoSansHans-Regular"]);
    expect(await cjk(SCRIPTS.traditional)).toEqual(["NotoSansHant-Regular"]);
    expect(await cjk(SCRIPTS.japanese)).toEqual(["NotoSansJP-Regular"]);
    expect(await cjk(SCRIPTS.korean)).toEqual(["NotoSansKR-Regular"]);
  }, 60_000);

  it("wraps Chinese, Japanese and Korean between characters, with no hyphen", async () => {
    const paragraphs = [
      "这是一个很长的中文句子，用来测试换行是否正确，不应该出现连字符，也不应该超出页面的边距，我们再多写一些文字让它换到第二行。",
      "日本語の文章もテストします。長い文章は正しく折り返されるべきで、ハイフンは入りません。句読点は行頭に来ないようにします。",
      "한국어 문장도 테스트합니다. 긴 문장은 올바르게 줄바꿈되어야 하며 하이픈이 들어가면 안 됩니다. 조금 더 길게 써 봅니다.",
    ];
    const pdf = await render(paragraphs.join("\n\n"));
    const lines = pdftotext(pdf).split("\n");
    for (const paragraph of paragraphs) {
      const start = lines.findIndex((l) => paragraph.startsWith(l) && l.length > 10);
      expect(start, paragraph).toBeGreaterThanOrEqual(0);
      const own = lines.slice(start, start + 3).filter((l, i) => i === 0 || paragraph.includes(l));
      expect(own.length, "wraps onto a second line").toBeGreaterThan(1);
      // Nothing lost, nothing added (a hyphen) at the breaks.
      expect(own.join("").replace(/\s/g, "")).toBe(paragraph.replace(/\s/g, ""));
      for (const line of own) expect(line).not.toMatch(/-$/);
      for (const line of own.slice(1)) expect(line).not.toMatch(/^[、。，）」]/);
    }
  }, 30_000);

  it("prints a character no font has as an embedded empty box, never as other letters", async () => {
    const pdf = await render("\uE000 ok\tthen");
    expect(
      fontRows(pdf)
        .map((r) => r.name)
        .every((n) => n.startsWith("DejaVuSans")),
    ).toBe(true);
    expect(pdftotext(pdf)).toContain("ok then");
  }, 30_000);

  it("keeps every line clear of the next, whatever the scripts on it", async () => {
    const mixes = [
      "Latin Ag",
      "背痛 简体 Ag",
      "👍 😀 Ag",
      "مرحبا بك Ag",
      "Tiếng Việt Ấ",
      "日本語 カタカナ Ag",
      "한국어 Ag",
      "Ελληνικά 👨‍👩‍👧",
    ];
    const notes = Array.from(
      { length: 16 },
      (_, i) => `${mixes[i % mixes.length]} ${mixes[(i + 3) % mixes.length]}`,
    ).join("\n");
    // The title has the tightest line height (1.25) and wraps over several lines.
    const title = "背痛 Back spasms 👍 مرحبا بك: what to do 背痛 简体 繁體 at home 😀 and when to call 한국어 us";
    const lines = textLines(await render(notes, title));
    expect(lines.length).toBeGreaterThan(20);
    for (const a of lines) {
      for (const b of lines) {
        if (a === b || a.xMax <= b.xMin || b.xMax <= a.xMin || a.yMin > b.yMin) continue;
        expect(a.yMax, `"${a.text}" runs into "${b.text}"`).toBeLessThanOrEqual(b.yMin + 0.01);
      }
    }
  }, 30_000);
});

describe("unprintableCharacters", () => {
  it("reports what no embedded font has, once each, in order of appearance", () => {
    expect(unprintableCharacters("\uE000 ok")).toEqual(["\uE000"]);
    expect(unprintableCharacters("x\uE001 y\uE000 \uE001")).toEqual(["\uE001", "\uE000"]);
    expect(unprintableCharacters("नमस्ते")).toEqual(["न", "म", "स", "्", "त", "े"]);
  });

  it("accepts every script above, combining marks, emoji sequences, joiners, selectors and white space", () => {
    expect(unprintableCharacters(Object.values(SCRIPTS).join("\n"))).toEqual([]);
    expect(unprintableCharacters("e\u0301 a\u0308 Ti\u00ea\u0301ng")).toEqual([]);
    expect(unprintableCharacters("👨\u200d👩\u200d👧 ❤\ufe0f 👍🏽 🇺🇸")).toEqual([]);
    expect(unprintableCharacters("a\tb\r\nc\u00a0d\u2066e\u2069 \u200b")).toEqual([]);
  });

  it("takes well under a millisecond for a few KB", () => {
    const text = Object.values(SCRIPTS).join(" ").repeat(40);
    expect(text.length).toBeGreaterThan(3000);
    unprintableCharacters(text);
    const start = performance.now();
    for (let i = 0; i < 100; i++) unprintableCharacters(text);
    expect((performance.now() - start) / 100).toBeLessThan(1);
  });

  it("matches what the PDF sets: tabs as spaces, no box for an invisible control", () => {
    expect(printableText("a\tb\r\nc\u2066d\u0007")).toBe("a b\ncd");
    expect(printableText("plain text")).toBe("plain text");
  });
});
