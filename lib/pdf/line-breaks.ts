// Where a word may break at the end of a line, and whether the break shows a hyphen. A web or e-mail
// address never gets one: a patient who types "merckmanuals.com/-home" reaches nothing. It breaks where the
// Chicago Manual puts URL breaks instead: after "//", and before a ".", "/", "-" or other punctuation (so the
// next line starts with the punctuation and the break cannot be read as a hyphenated word).

// A scheme, "www.", an e-mail address or a domain with a path, after an opening bracket or quote.
const URL_LIKE =
  /^[(<[{"'“‘]*(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:|[\w.+-]+@[a-z\d-]+\.[a-z]|(?:[a-z\d-]+\.)+[a-z]{2,24}\/)/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLOSING = /^[)\]}>"'”’.,;:!?]*$/;
// Path steps first (after "//", before "/", "?" or "#"); inside a step longer than LONG_STEP, before other
// punctuation too; a run of letters and digits longer than RUN (a file id, a hash) every RUN characters.
const STEP = new Set("/?#");
const INNER = new Set(".,-_~%=&;+@");
const LONG_STEP = 18;
const RUN = 20;

export const isUrlLike = (word: string) => URL_LIKE.test(word);

function breakAt(word: string, points: Set<string>, at: (i: number) => boolean): string[] {
  const parts: string[] = [];
  let start = 0;
  // No piece shorter than two characters, and none of only closing punctuation at the end.
  for (let i = 2; i < word.length - 1; i++) {
    if (i - start >= 2 && at(i) && !CLOSING.test(word.slice(i))) {
      parts.push(word.slice(start, i));
      start = i;
    }
  }
  parts.push(word.slice(start));
  return parts;
}

/** The pieces of an address the line breaker may put on different lines (joined, they are the address). */
export function urlParts(word: string): string[] {
  const steps = breakAt(
    word,
    STEP,
    (i) =>
      (word[i - 1] === "/" && word[i - 2] === "/" && word[i] !== "/") ||
      (STEP.has(word[i]!) && word[i - 1] !== "/" && word[i + 1] !== "/"),
  );
  return steps.flatMap((step) => {
    if (step.length <= LONG_STEP) return [step];
    let run = 0;
    return breakAt(step, INNER, (i) => {
      run = LETTER_OR_DIGIT.test(step[i - 1]!) ? run + 1 : 0;
      const hit =
        (INNER.has(step[i]!) && LETTER_OR_DIGIT.test(step[i - 1]!)) || (run >= RUN && LETTER_OR_DIGIT.test(step[i]!));
      if (hit) run = 0;
      return hit;
    });
  });
}

const DASH_OR_SLASH = /[-‐‑–—/]/;

/**
 * Whether a break inside a word at `index` of `text` shows a hyphen (textkit asks, through the hyphenation
 * callback: patches/@react-pdf+textkit*.patch). Not inside an address, and not after a dash or a slash
 * the text already has ("and/or", "low-back"), which would print a second one.
 */
export function breakShowsHyphen(text: string, index: number): boolean {
  if (DASH_OR_SLASH.test(text[index - 1] ?? "")) return false;
  const start = text.lastIndexOf(" ", index - 1) + 1;
  const end = text.indexOf(" ", index);
  return !isUrlLike(text.slice(start, end < 0 ? text.length : end));
}

export type Measurable = {
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
};

/**
 * The width of `text` set in `font` at `size` points; a character the font lacks (set by a fallback font)
 * counts a full em, and without a font (not read yet) every character does 0.75 em, about DejaVu Sans Bold's widest.
 */
export function textWidth(text: string, size: number, font?: Measurable | null): number {
  if (!font) return [...text].length * 0.75 * size;
  let missing = 0;
  for (const ch of text) if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing++;
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size + missing * size;
}

/**
 * A heading that wraps should not leave its last word alone on a line: its last two words are bound with
 * no-break spaces (three when the one before the last is only a sign, as in "Spine & Wellness"), unless
 * together they would not fit on one line (then nothing is gained).
 */
export function bindLastWords(text: string, fits: (words: string) => boolean): string {
  const words = text.split(" ");
  let bound = 2;
  if (words.length >= 3 && !LETTER_OR_DIGIT.test(words.at(-2)!)) bound = 3;
  if (words.length < 2 || words.at(-1) === "" || !fits(words.slice(-bound).join(" "))) return text;
  return [...words.slice(0, -bound), words.slice(-bound).join("\u00a0")].join(" ");
}
