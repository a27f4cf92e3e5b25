import readability from "text-readability";

export { blocksToPlainText } from "./plain-text";

// Patient materials are commonly aimed at a US 6th-8th grade reading level (AMA/NIH guidance).
export const GRADE_TARGET = 8;

export function readingStats(text: string): { grade: number; words: number } {
  const trimmed = text.trim();
  if (trimmed === "") return { grade: 0, words: 0 };
  const words = readability.lexiconCount(trimmed);
  if (words === 0) return { grade: 0, words: 0 };
  // Flesch-Kincaid goes negative for very short, simple text; a "grade -2" means nothing to an editor.
  const grade = Math.max(0, Math.round(readability.fleschKincaidGrade(trimmed) * 10) / 10);
  return { grade, words };
}
