import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const FONT_FAMILY = "DejaVu Sans";
let registered = false;

// Words stay whole: patient text reads better unhyphenated. Only a word too long to sit comfortably on a
// line (a URL) gets break points: after a "/", else a "-", else every 30 characters; otherwise it would run
// off the page in large print. react-pdf marks such a break with a hyphen, so text that may hold URLs sets
// hyphenationPenalty={LATE_BREAK_PENALTY}: it breaks inside a word only when the word cannot move down whole.
export function hyphenateLongWords(word: string): string[] {
  if (word.length <= 30) return [word];
  return word
    .split(/(?<=[^/]\/)(?!\/)/)
    .flatMap((part) => (part.length > 30 ? part.split(/(?<=-)/) : [part]))
    .flatMap((part) => (part.length > 40 ? (part.match(/[^]{1,30}/g) ?? [part]) : [part]));
}

export const LATE_BREAK_PENALTY = 5000;

// Registered once per thread (each worker thread has its own module graph): re-registering makes react-pdf
// reload and re-parse the TTFs.
export function registerFonts() {
  if (registered) return;
  // From the working directory, not this file: in a Next bundle this file lives under .next/.
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  if (!fs.existsSync(path.join(dir, "DejaVuSans.ttf"))) throw new Error(`PDF fonts not found in ${dir}: run the server from the project folder after npm install.`);
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf") },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: path.join(dir, "DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
      { src: path.join(dir, "DejaVuSans-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  Font.registerHyphenationCallback(hyphenateLongWords);
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
    if (typeof text !== "string" || script !== undefined || language !== undefined) return layout(text, features, script, language, direction);
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

/** Forgets every shaped run (tests compare renders from a cold and a warm cache). */
export function clearGlyphRunCache() {
  glyphRuns.clear();
  glyphRunChars = 0;
}

// Numeric weights, as react-pdf resolves styles: a "bold" descriptor matches no source exactly, and the
// family's fallback rule then hands back the regular face, so the bold faces were never loaded here.
const FACES = [
  { fontWeight: 400, fontStyle: "normal" },
  { fontWeight: 700, fontStyle: "normal" },
  { fontWeight: 400, fontStyle: "italic" },
  { fontWeight: 700, fontStyle: "italic" },
] as const;
let loading: Promise<void> | undefined;

/** Registers the fonts and reads all four faces once per thread, ready for every render after. */
export function loadFonts(): Promise<void> {
  registerFonts();
  loading ??= (async () => {
    for (const face of FACES) {
      const descriptor = { fontFamily: FONT_FAMILY, ...face };
      await Font.load(descriptor);
      const source = Font.getFont(descriptor) as { data?: ShapingFont | null } | undefined;
      cacheGlyphRuns(`${face.fontWeight}-${face.fontStyle}`, source?.data);
    }
  })();
  return loading;
}
