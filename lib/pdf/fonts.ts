import fs from "node:fs";
import { Font } from "@react-pdf/renderer";
import { fontsFor } from "@/lib/pdf/font-choice";
import { leftToEmoji } from "@/lib/printable/coverage";
import { FONT_FILES, PRIMARY_FONT, faceFiles, fontPath, type FontId } from "@/lib/pdf/font-files";
import { breakShowsHyphen, isUrlLike, urlParts } from "@/lib/pdf/line-breaks";
import { clearPatchedRenderCaches } from "@/lib/pdf/patch-hooks";

export const FONT_FAMILY = PRIMARY_FONT.family;
let registered = false;

// Chinese and Japanese have no spaces and Korean may break inside a word, so a word holding them can break
// between any two characters, except before closing punctuation or a small kana and after an opening one.
const CJK =
  /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud8bf][\udc00-\udfff]/;
const NO_BREAK_BEFORE = new Set(
  "、。，．：；？！）」』】〕〉》〙〗〟ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々・…‥％",
);
const NO_BREAK_AFTER = new Set("（「『【〔〈《〘〖〝");

function cjkBreaks(word: string): string[] {
  const parts: string[] = [];
  let part = "";
  let prev = "";
  for (const ch of word) {
    if (part && (CJK.test(prev) || CJK.test(ch)) && !NO_BREAK_BEFORE.has(ch) && !NO_BREAK_AFTER.has(prev)) {
      parts.push(part);
      part = "";
    }
    part += ch;
    prev = ch;
  }
  return [...parts, part];
}

// Words stay whole: patient text reads better unhyphenated. Only a web or e-mail address (line-breaks.ts)
// or a word too long to sit comfortably on a line gets break points: after a "/", else a "-", else every 30
// characters; otherwise it would run off the page in large print. react-pdf marks such a break with a hyphen
// (none next to CJK or emoji, in an address or after a dash: patches/@react-pdf+textkit*.patch asks
// breakShowsHyphen), so text that may hold URLs sets hyphenationPenalty={LATE_BREAK_PENALTY}: it breaks inside
// a word only when the word cannot move down whole.
export function hyphenateLongWords(word: string): string[] {
  if (CJK.test(word)) return cjkBreaks(word).flatMap((part) => (CJK.test(part) ? [part] : hyphenateLongWords(part)));
  if (word.length > 12 && isUrlLike(word)) return urlParts(word);
  if (word.length <= 30) return [word];
  return word
    .split(/(?<=[^/]\/)(?!\/)/)
    .flatMap((part) => (part.length > 30 ? part.split(/(?<=-)/) : [part]))
    .flatMap((part) => (part.length > 40 ? (part.match(/[^]{1,30}/g) ?? [part]) : [part]));
}

export const LATE_BREAK_PENALTY = 5000;

// react-pdf appends "Helvetica" to every fontFamily list and sets a character no listed font has in the
// list's last font. Font.clear() drops the standard 14 fonts (never embedded, WinAnsi only: 背痛 printed
// as "ÌÛ"), and "Helvetica" comes back as upright DejaVu Sans for all four faces: the last resort is
// embedded, draws a glyph no font has as DejaVu's empty box (coverage.ts reports those characters first),
// and sets what DejaVu's bold or oblique face lacks (Arabic, in Oblique) upright instead. Any other family
// name now fails the render instead of reaching a standard font.
const LAST_RESORT = "Helvetica";

/** Registers the families once per thread (each worker thread has its own module graph); no file is read yet. */
export function registerFonts() {
  if (registered) return;
  for (const font of FONT_FILES) {
    for (const { file } of faceFiles(font)) {
      if (!fs.existsSync(fontPath(file)))
        throw new Error(
          `PDF font ${fontPath(file)} not found: run the server from the project folder after npm install.`,
        );
    }
  }
  Font.clear();
  for (const font of FONT_FILES)
    Font.register({
      family: font.family,
      fonts: faceFiles(font).map(({ file, ...face }) => ({ src: fontPath(file), ...face })),
    });
  Font.register({
    family: LAST_RESORT,
    fonts: faceFiles({ ...PRIMARY_FONT, faces: { regular: PRIMARY_FONT.faces.regular } }).map(({ file, ...face }) => ({
      src: fontPath(file),
      ...face,
    })),
  });
  Font.registerHyphenationCallback(Object.assign(hyphenateLongWords, { breakShowsHyphen }));
  registered = true;
}

// Shaping a run of text (fontkit's layout: OpenType substitution and kerning) is the largest single cost in
// react-pdf's text layout, and it depends only on the string and the face. Handouts repeat the same guide
// paragraphs, so finished runs are kept, least recently used first out, within a budget of characters.
// Sharing a run is safe: react-pdf scales its positions into new objects before changing them (justifying),
// and a render gives the same bytes from a cold or a warm cache (tests/unit/pdf/document.test.ts).
const RUN_CACHE_CHARS = 300_000;
const glyphRuns = new Map<string, { run: unknown; size: number }>();
let glyphRunChars = 0;

type ShapingFont = { layout: (text: unknown, ...rest: unknown[]) => unknown; __handoutRunCache?: true };

function cacheGlyphRuns(face: string, font: ShapingFont | null | undefined) {
  if (!font || typeof font.layout !== "function" || font.__handoutRunCache) return;
  const layout = font.layout.bind(font);
  font.layout = (text: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => {
    if (typeof text !== "string" || script !== undefined || language !== undefined)
      return layout(text, features, script, language, direction);
    const key = `${face}\u0000${String(direction)}\u0000${JSON.stringify(features ?? null)}\u0000${text}`;
    const hit = glyphRuns.get(key);
    if (hit) {
      glyphRuns.delete(key);
      glyphRuns.set(key, hit);
      return hit.run;
    }
    const run = layout(text, features, script, language, direction);
    glyphRuns.set(key, { run, size: text.length });
    glyphRunChars += text.length;
    for (const [oldest, entry] of glyphRuns) {
      if (glyphRunChars <= RUN_CACHE_CHARS) break;
      glyphRuns.delete(oldest);
      glyphRunChars -= entry.size;
    }
    return run;
  };
  font.__handoutRunCache = true;
}

/** Forgets every shaped run, laid-out text and block, and font subset of this thread (tests compare cold and warm renders). */
export function clearRenderCaches() {
  glyphRuns.clear();
  glyphRunChars = 0;
  clearPatchedRenderCaches();
}

// Numeric weights, as react-pdf resolves styles: a "bold" descriptor matches no source exactly, and the
// family's fallback rule then hands back the regular face.
const FACES = [
  { fontWeight: 400, fontStyle: "normal" },
  { fontWeight: 700, fontStyle: "normal" },
  { fontWeight: 400, fontStyle: "italic" },
  { fontWeight: 700, fontStyle: "italic" },
] as const;

type Source = { src: string; data: unknown; loadResultPromise: Promise<void> | null; load(): Promise<void> };
type Cmap = { lookup(codePoint: number, variationSelector?: number): number; __handoutMemo?: true };

// fontkit finds a character's glyph by a binary search of the font's cmap, decoding records as it reads
// them, and asks for every character it shapes and for every font the fallback tries: thousands of times a
// handout, for the same hundred or so characters. Each font keeps what it found (one entry per character
// used, at most the font's own character set).
function memoiseCmap(font: { _cmapProcessor?: Cmap }) {
  const cmap = font._cmapProcessor;
  if (!cmap || cmap.__handoutMemo) return;
  const lookup = cmap.lookup.bind(cmap);
  const glyphIds = new Map<number, number>();
  cmap.lookup = (codePoint: number, variationSelector?: number) => {
    if (variationSelector !== undefined) return lookup(codePoint, variationSelector);
    let id = glyphIds.get(codePoint);
    if (id === undefined) glyphIds.set(codePoint, (id = lookup(codePoint)));
    return id;
  };
  cmap.__handoutMemo = true;
}
type GlyphFont = ShapingFont & {
  hasGlyphForCodePoint(cp: number): boolean;
  getGlyph(id: number, codePoints?: number[]): unknown;
  __handoutEmojiLeft?: true;
};
const source = (fontFamily: string, face: (typeof FACES)[number]) =>
  Font.getFont({ fontFamily, ...face }) as unknown as Source;

// DejaVu leaves emoji (and the joiners between them) to Noto Emoji: see coverage.ts.
function leaveEmoji(font: GlyphFont) {
  if (font.__handoutEmojiLeft) return;
  const has = font.hasGlyphForCodePoint.bind(font);
  font.hasGlyphForCodePoint = (cp: number) => !leftToEmoji(cp) && has(cp);
  font.__handoutEmojiLeft = true;
}

// Faces registered with the same file share one parsed font, so it is read, held and embedded once.
async function loadFamily(family: string, sameAs?: Source) {
  const byFile = new Map<string, Source>();
  for (const face of FACES) {
    const s = source(family, face);
    const twin = sameAs ?? byFile.get(s.src);
    if (twin) {
      s.data = twin.data;
      s.loadResultPromise = twin.loadResultPromise;
      continue;
    }
    await s.load();
    memoiseCmap(s.data as { _cmapProcessor?: Cmap });
    // fontkit keeps the first glyph object it makes for an id, with the code points it was asked for. pdfkit
    // asks for the missing glyph (id 0) with none when it embeds the font, so after a thread's first render
    // textkit counted a missing character as no character: the one that ends every line of a multi-line note
    // ("\n") was no longer dropped and printed as a box. Asked first with one code point, it counts as one.
    (s.data as GlyphFont).getGlyph(0, [0x0a]);
    if (family === FONT_FAMILY) leaveEmoji(s.data as GlyphFont);
    cacheGlyphRuns(`${family}/${face.fontWeight}/${face.fontStyle}`, s.data as ShapingFont);
    byFile.set(s.src, s);
  }
}

const loaded = new Map<string, Promise<void>>();

function loadOnce(family: string, load: () => Promise<void>): Promise<void> {
  let promise = loaded.get(family);
  if (!promise) loaded.set(family, (promise = load()));
  return promise;
}

/**
 * Reads the given families' faces (DejaVu Sans and the last resort always) once per thread: a font is read
 * only when a document first needs it (fontFamilyFor), and kept for every render after.
 */
export async function loadFonts(families: readonly string[] = [FONT_FAMILY]): Promise<void> {
  registerFonts();
  await loadOnce(FONT_FAMILY, () => loadFamily(FONT_FAMILY));
  await loadOnce(LAST_RESORT, () => loadFamily(LAST_RESORT, source(FONT_FAMILY, FACES[0])));
  await Promise.all(families.map((family) => loadOnce(family, () => loadFamily(family))));
}

// The tables of a face that shaping and embedding read. fontkit decodes each on first use, and DejaVu's
// glyph names ("post", read for one flag when the font is embedded) and kerning pairs take ~40 and ~30 ms
// a face.
const RENDER_TABLES = [
  "cmap",
  "head",
  "hhea",
  "hmtx",
  "maxp",
  "loca",
  "glyf",
  "OS/2",
  "post",
  "name",
  "kern",
  "GDEF",
  "GSUB",
  "GPOS",
  "cvt ",
  "fpgm",
  "prep",
];

// Shaping decodes the GSUB/GPOS lookups and glyph records it reaches, lazily (restructure's LazyArray): a
// line of common characters shaped in each face at thread start takes ~100 ms off the first render. The
// script is given so the run skips the glyph-run cache (it would only take a slot there).
const SHAPING_SAMPLE =
  "The quick brown fox jumps over the lazy dog. 0123456789 (fi, fl) \u201cA\u201d \u2013 \u2014 \u2022 ÁÉÍÓÚ ñ ü ¿? %/:@";

/** Reads the primary family's faces and decodes the tables a render reads: done once, as a render thread starts. */
export async function readPrimaryFonts(): Promise<void> {
  await loadFonts();
  for (const face of FACES) {
    const font = source(FONT_FAMILY, face).data as Record<string, unknown>;
    for (const table of RENDER_TABLES) void font[table];
    (font as unknown as ShapingFont).layout(SHAPING_SAMPLE, undefined, "latn");
  }
}

/** The families this thread has read so far. */
export const loadedFontFamilies = () => [...loaded.keys()];

const FAMILY = Object.fromEntries(FONT_FILES.map((f) => [f.id, f.family])) as Record<FontId, string>;

/** The fontFamily list for a document of this text: DejaVu Sans, then the fallbacks it needs. */
export function fontFamilyFor(text: string): string[] {
  return fontsFor(text).map((id) => FAMILY[id]);
}
