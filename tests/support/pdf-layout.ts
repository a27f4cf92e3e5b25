// A PDF's words and printed lines, page by page, as poppler lays them out (pdftotext -bbox-layout: each word's
// box spans its font's ascent and descent, so its height is proportional to the font size).
import { execFileSync } from "node:child_process";
import { withPdfFile } from "@/tests/support/pdf-tools";

export type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
/** Words that share a baseline, left to right (cells of a table row make one line). */
export type Line = {
  page: number;
  words: Word[];
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  height: number;
};
export type LaidOutPage = { number: number; width: number; height: number; words: Word[]; lines: Line[] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

function linesOf(page: number, words: Word[]): Line[] {
  const lines: Line[] = [];
  for (const word of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.yMax - word.yMax) < 1 && word.yMin < l.yMax && word.yMax > l.yMin);
    if (line) line.words.push(word);
    else lines.push({ page, words: [word], text: "", xMin: 0, xMax: 0, yMin: 0, yMax: word.yMax, height: 0 });
  }
  for (const line of lines) {
    line.words.sort((a, b) => a.xMin - b.xMin);
    line.text = line.words.map((w) => w.text).join(" ");
    line.xMin = Math.min(...line.words.map((w) => w.xMin));
    line.xMax = Math.max(...line.words.map((w) => w.xMax));
    line.yMin = Math.min(...line.words.map((w) => w.yMin));
    line.yMax = Math.max(...line.words.map((w) => w.yMax));
    line.height = Math.max(...line.words.map((w) => w.yMax - w.yMin));
  }
  return lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

/** Every page of the PDF with its words and lines, from one pdftotext run. */
export function layoutOf(bytes: Buffer): LaidOutPage[] {
  const xml = withPdfFile(bytes, (f) =>
    execFileSync("pdftotext", ["-bbox-layout", f, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  );
  return xml
    .split("<page ")
    .slice(1)
    .map((chunk, i) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({
        text: unescape(m[5]!),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      }));
      return { number: i + 1, width: Number(size[1]), height: Number(size[2]), words, lines: linesOf(i + 1, words) };
    });
}

/** The most common word height: the body text's, in a handout. */
export function commonHeight(words: Word[]): number {
  const counts = new Map<number, number>();
  for (const w of words) {
    const h = Math.round((w.yMax - w.yMin) * 100) / 100;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
