import readability from "text-readability";
import { fernandezHuerta, spanishWords } from "./readability-es";

export { blocksToPlainText } from "./plain-text";

// Patient materials are commonly aimed at a US 6th-8th grade reading level (AMA/NIH guidance).
export const GRADE_TARGET = 8;

/**
 * How a language's reading level is shown. `grade` in `readingStats` (and the `grade` columns) holds the
 * value on the scale of the guide's language: a Flesch-Kincaid grade (lower is easier) for English and any
 * language without its own formula, the Fernández-Huerta index (higher is easier) for Spanish.
 */
export type ReadingScale = {
  name: string;
  unit: (value: number) => string;
  target: number;
  higherIsEasier: boolean;
  miss: string;
  hint: string;
};

// Past a college graduate's grade the formula measures only how long the sentences are (a 600-word run with no
// full stop scores "grade 250"): shown as "grade 20+".
const GRADE_SHOWN_MAX = 20;

const FLESCH_KINCAID: ReadingScale = {
  name: "Flesch-Kincaid",
  unit: (v) => (v > GRADE_SHOWN_MAX ? `grade ${GRADE_SHOWN_MAX}+` : `grade ${v.toFixed(1)}`),
  target: GRADE_TARGET,
  higherIsEasier: false,
  miss: `above grade ${GRADE_TARGET}`,
  hint: `above grade ${GRADE_TARGET}: try shorter sentences and everyday words`,
};
// 70 is "bastante fácil", about a US 6th grade: the same aim as the English target for plain language.
const FERNANDEZ_HUERTA: ReadingScale = {
  name: "Fernández-Huerta",
  unit: (v) => `Fernández-Huerta ${v.toFixed(1)}`,
  target: 70,
  higherIsEasier: true,
  miss: "below 70",
  hint: "below 70 (fairly easy): try shorter sentences and everyday words",
};

const primary = (language: string) => language.toLowerCase().split("-")[0];

export function readingScale(language = "en"): ReadingScale {
  return primary(language) === "es" ? FERNANDEZ_HUERTA : FLESCH_KINCAID;
}

export function isAboveTarget(value: number, language = "en"): boolean {
  const scale = readingScale(language);
  return scale.higherIsEasier ? value < scale.target : value > scale.target;
}

const countWords = (text: string, language: string) =>
  primary(language) === "es" ? spanishWords(text).length : readability.lexiconCount(text);

// Readability formulas were fitted on passages of 100 words or more; below 30, one word more or less moves the
// grade by several, and a line or two of short words scores "grade 0.0", which reads as a pass.
export const MIN_SCORED_WORDS = 30;
// List items are fragments ("Ice, 20 minutes."), each counted as a sentence of its own: text that is mostly list
// scores as very easy whatever its words. More than half of the words in list items: not scored.
export const MAX_LIST_SHARE = 0.5;

export type ReadingLevel =
  | { kind: "empty"; words: 0 }
  | { kind: "too-short"; words: number }
  | { kind: "list"; words: number }
  | { kind: "scored"; grade: number; words: number };

/**
 * The reading level where a formula means something: not for empty text, fewer than MIN_SCORED_WORDS words, or
 * text mostly made of list items (`listText`, the part of `text` that is list items, one per line).
 */
export function readingLevel(text: string, language = "en", listText = ""): ReadingLevel {
  const stats = readingStats(text, language);
  if (stats.words === 0) return { kind: "empty", words: 0 };
  if (stats.words < MIN_SCORED_WORDS) return { kind: "too-short", words: stats.words };
  if (listText.trim() && countWords(listText, language) > stats.words * MAX_LIST_SHARE)
    return { kind: "list", words: stats.words };
  return { kind: "scored", ...stats };
}

export function readingStats(text: string, language = "en"): { grade: number; words: number } {
  // List items and headings already end in a full stop here (blocksToPlainText, notesReadingText add one), so
  // a bullet list is scored as the sentences it reads as, not as one long sentence.
  const trimmed = text.trim();
  if (trimmed === "") return { grade: 0, words: 0 };
  if (primary(language) === "es") {
    const { score, words } = fernandezHuerta(trimmed);
    return { grade: Math.max(0, Math.min(100, score)), words };
  }
  const words = readability.lexiconCount(trimmed);
  if (words === 0) return { grade: 0, words: 0 };
  // Flesch-Kincaid goes negative for very short, simple text; a "grade -2" means nothing to an editor.
  const grade = Math.max(0, Math.round(readability.fleschKincaidGrade(trimmed) * 10) / 10);
  return { grade, words };
}
