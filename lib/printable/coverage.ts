import data from "@/lib/printable/coverage-data.json";

// The characters a handout can print: which code points each font the PDF embeds has, read from the font
// files by `npm run pdf:coverage` (lib/pdf/coverage-build.ts) into coverage-data.json, so neither a form, a
// preview request nor the choice of fonts for a render has to open a font (tests/unit/pdf/coverage.test.ts
// checks the data against the files). It sits below every domain: the builder refuses what no font prints
// (lib/handouts/printable.ts), the printed model reads the notes as they print, the PDF chooses its fonts.
// Each font's regular face is the right check for every face: a fallback's bold face covers what its
// regular face does (the build refuses otherwise), and what DejaVu's bold or oblique face lacks is set in
// upright DejaVu, the last resort in fonts.ts.

/** The fonts the data covers (lib/pdf/font-files.ts FONT_FILES). */
export type CoveredFont = keyof typeof data.fonts;

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
  const pairs = all
    .flatMap((r) => Array.from({ length: r.length / 2 }, (_, i) => [r[2 * i]!, r[2 * i + 1]!] as const))
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    if (out.length && start <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return Uint32Array.from(out);
}

const RANGES = Object.fromEntries(Object.entries(data.fonts).map(([id, font]) => [id, decode(font.ranges)])) as Record<
  CoveredFont,
  Ranges
>;
const ALL = union(Object.values(RANGES));

/** Whether `font` has a glyph for the code point. */
export const hasGlyph = (font: CoveredFont, cp: number) => inRanges(RANGES[font], cp);

// Emoji that DejaVu also has (its black-and-white faces, U+1F600…) come from Noto Emoji, and so do the
// joiner and variation selectors, so that a ZWJ sequence, a flag or a skin tone stays in one run of one font
// and its ligature forms.
const JOINERS = [0x200d, 0xfe0e, 0xfe0f];
const EMOJI_ONLY = new Set<number>(JOINERS);
for (let i = 0; i < RANGES.emoji.length; i += 2) {
  for (let cp = RANGES.emoji[i]!; cp <= RANGES.emoji[i + 1]!; cp++)
    if (/\p{Emoji_Presentation}/u.test(String.fromCodePoint(cp))) EMOJI_ONLY.add(cp);
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
    .replace(/\p{Cc}|\p{Default_Ignorable_Code_Point}/gu, (ch) =>
      ch === "\n" || (ch > "\u009f" && inRanges(ALL, ch.codePointAt(0)!)) ? ch : "",
    );
}
