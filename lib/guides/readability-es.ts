// Spanish readability: the Fernández-Huerta index (1959), with Law's (2011) correction. No maintained npm
// package scores Spanish, and hyphenation patterns (the `hyphen` package) undercount syllables on purpose
// (they never split off one letter: "agua", "a-cu-pun-tu-ra" comes out as "acu-pun-tu-ra"). Spanish spelling
// marks its syllable nuclei, so counting vowel groups with the diphthong and hiatus rules is exact for
// nearly every word.

const STRONG = new Set([..."aeoáéóíú"]); // an accented í or ú breaks a diphthong (hiatus: "día", "país")
const VOWELS = new Set([..."aeiouáéíóúü"]);

export function spanishSyllables(word: string): number {
  let w = word
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^a-záéíóúüñ]/g, "");
  if (!w) return 0;
  w = w.replace(/([qg])u([eiéí])/g, "$1$2"); // the u of que, qui, gue, gui is silent (güe, güi keep it)
  w = w.replace(/y(?![aeiouáéíóú])/g, "i"); // y is a vowel when no vowel follows: muy, hoy, y
  let count = 0;
  let prev: string | null = null;
  for (const ch of w) {
    if (!VOWELS.has(ch)) {
      prev = null;
      continue;
    }
    if (prev === null || (STRONG.has(prev) && STRONG.has(ch)) || prev === ch) count++;
    prev = ch;
  }
  return Math.max(1, count);
}

export const spanishWords = (text: string): string[] => text.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [];

/** Sentences end at . ! ? … (list items and headings have been given a full stop by then). */
export function spanishSentences(text: string): number {
  return text.split(/(?<=[.!?…]["'”»)\]]*)\s+/).filter((s) => spanishWords(s).length > 0).length;
}

/**
 * 206.84 − 60 × syllables per word − 1.02 × words per sentence. Printed originally with "sentences per 100
 * words", which would make shorter sentences score harder; Law (2011) showed words per sentence is meant.
 * 0–100, higher is easier: 90+ very easy, 80 easy, 70 fairly easy (about US grade 6), 60 standard.
 */
export function fernandezHuerta(text: string): { score: number; words: number } {
  const words = spanishWords(text);
  if (words.length === 0) return { score: 0, words: 0 };
  const syllables = words.reduce((sum, w) => sum + spanishSyllables(w), 0);
  const sentences = Math.max(1, spanishSentences(text));
  const score = 206.84 - (60 * syllables) / words.length - (1.02 * words.length) / sentences;
  return { score: Math.round(score * 10) / 10, words: words.length };
}
