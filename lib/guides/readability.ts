import readability from "text-readability";
import { fernandezHuerta } from "./readability-es";

export { blocksToPlainText } from "./plain-text";

// Patient materials are commonly aimed at a US 6th-8th grade reading level (AMA/NIH guidance).
export const GRADE_TARGET = 8;

/**
 * How a language's reading level is shown. `grade` in `readingStats` (and the `grade` columns) holds the
 * value on the scale of the guide's language: a Flesch-Kincaid grade (lower is easier) for English and any
 * language without its own formula, the Fernández-Huerta index (higher is easier) for Spanish.
 */
export type ReadingScale = { name: string; unit: (value: number) => string; target: number; higherIsEasier: boolean; miss: string; hint: string };

const FLESCH_KINCAID: ReadingScale = {
  name: "Flesch-Kincaid",
  unit: (v) => `grade ${v.toFixed(1)}`,
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

export function readingStats(text: string, language = "en"): { grade: number; words: number } {
  // List items and headings already end in a full stop here (blocksToPlainText, notesPlainText add one), so
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
