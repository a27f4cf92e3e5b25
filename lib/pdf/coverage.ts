import data from "@/lib/pdf/coverage-data.json";
import type { FontId } from "@/lib/pdf/font-files";

// Which code points each embedded font has, read from the font files by `npm run pdf:coverage`
// (lib/pdf/coverage-build.ts) into coverage-data.json, so neither a preview request nor the choice of fonts
// for a render has to open a font (tests/unit/pdf/coverage.test.ts checks the data against the files).
// Each font's regular face is the right check for every face: a fallback's bold face covers what its
// regular face does (the build refuses otherwise), and what DejaVu's bold or oblique face lacks is set in
// upright DejaVu, the last resort in fonts.ts.

type Ranges = Uint32Array; // [start, end, start, end, …], inclusive, ascending

function decode(deltas: readonly number[]): Ranges {
  const ranges = new Uint32Array(deltas.length);
  let at = 0;
  for (let i = 0; i + 1 < deltas.length; i += 2) {
    ranges[i] = at + deltas[i]!;
    ranges[i + 1] = at = ranges[i]! + deltas[i + 1]!;
  }
  return ranges;
}

function inRanges(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function union(all: Ranges[]): Ranges {
  const pairs = all.flatMap((r) => Array.from({ length: r.length / 2 }, (_, i) => [r[2 * i]!, r[2 * i + 1]!] as const)).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (out.length && start <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return Uint32Array.from(out);
}

const RANGES = Object.fromEntries(Object.entries(data.fonts).map(([id, font]) => [id, decode(font.ranges)])) as Record<FontId, Ranges>;
const ALL = union(Object.values(RANGES));

/** Whether `font` has a glyph for the code point. */
export const hasGlyph = (font: FontId, cp: number) => inRanges(RANGES[font], cp);

// Emoji that DejaVu also has (its black-and-white faces, U+1F600…) come from Noto Emoji, and so do the
// joiner and variation selectors, so that a ZWJ sequence, a flag or a skin tone stays in one run of one font
// and its ligature forms.
const JOINERS = [0x200d, 0xfe0e, 0xfe0f];
const EMOJI_ONLY = new Set<number>(JOINERS);
for (let i = 0; i < RANGES.emoji.length; i += 2) {
  for (let cp = RANGES.emoji[i]!; cp <= RANGES.emoji[i + 1]!; cp++) if (/\p{Emoji_Presentation}/u.test(String.fromCodePoint(cp))) EMOJI_ONLY.add(cp);
}
/** Code points DejaVu has but leaves to the emoji font. */
export const leftToEmoji = (cp: number) => cp >= 0x200d && EMOJI_ONLY.has(cp);

// Control characters and default-ignorable ones (joiners, bidi marks, variation selectors…) print as nothing:
// DejaVu has zero-width glyphs for most; the rest are removed before rendering (printableText).
const INVISIBLE = /^[\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;
const isInvisible = (ch: string) => INVISIBLE.test(ch);

/**
 * The distinct characters of `text`, in order of first appearance, that no embedded font can draw: the PDF
 * would show an empty box in their place. Line breaks, tabs, joiners and the like are never reported.
 */
export function unprintableCharacters(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x20 && cp < 0x7f) || inRanges(ALL, cp) || isInvisible(ch) || found.includes(ch)) continue;
    found.push(ch);
  }
  return found;
}

const CLEAN = /[\t\v\f\r\u0085\u2028\u2029\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Text as the PDF should set it: every kind of line break becomes "\n", a tab a space, and controls and
 * default-ignorable characters that no font has are dropped instead of being drawn as a box.
 */
export function printableText(text: string): string {
  if (!CLEAN.test(text)) return text;
  return text
    .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(/\p{Cc}|\p{Default_Ignorable_Code_Point}/gu, (ch) => (ch === "\n" || (ch > "\u009f" && inRanges(ALL, ch.codePointAt(0)!)) ? ch : ""));
}

const CJK_ORDER: readonly FontId[] = ["sc", "tc", "jp", "kr"];
const isKana = (cp: number) => (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f);
const isHangul = (cp: number) => (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
const isHan = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);

/**
 * The fonts a text needs, in the order react-pdf should try them: DejaVu Sans, then only the fallbacks that
 * draw one of its characters. Han characters have regional forms, so the CJK font whose language the text
 * looks like comes first: Japanese with kana, Korean with Hangul, Traditional Chinese when every Han
 * character is in Big5 (the Traditional font's set), else Simplified.
 */
export function fontsFor(text: string): FontId[] {
  const pending = new Set<number>();
  let kana = false;
  let hangul = false;
  let han = false;
  let simplified = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f || (inRanges(RANGES.dejavu, cp) && !leftToEmoji(cp))) continue;
    pending.add(cp);
    kana ||= isKana(cp);
    hangul ||= isHangul(cp);
    if (isHan(cp)) {
      han = true;
      simplified ||= !inRanges(RANGES.tc, cp);
    }
  }
  if (!pending.size) return ["dejavu"];
  const first: FontId = kana ? "jp" : hangul ? "kr" : han && !simplified ? "tc" : "sc";
  const order: FontId[] = ["emoji", first, ...CJK_ORDER.filter((id) => id !== first)];
  const needed = new Set<FontId>();
  for (const cp of pending) {
    const font = order.find((id) => inRanges(RANGES[id], cp));
    if (font) needed.add(font);
  }
  return ["dejavu", ...order.filter((id) => needed.has(id))];
}
