import { codeLine, MAX_GUIDE_CODES, readCodeLine, sameCode, type GuideCode } from "@/lib/guides/clinical-codes";

// The editor's "Suggested for" box: one code a line, "ICD-10-CM M62.830 Muscle spasm of back" (the system,
// the code, then what it means). The draft keeps the text as typed, so a half-written line survives a save;
// each line is read here and its problem shown with its line number.

export function readCodeLines(text: string): { codes: GuideCode[]; errors: string[] } {
  const codes: GuideCode[] = [];
  const errors: string[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const entry = readCodeLine(line);
    if (!entry.ok) errors.push(`Line ${i + 1}: ${entry.error}`);
    else if (!codes.some((c) => sameCode(c, entry.code))) codes.push(entry.code);
  });
  if (codes.length > MAX_GUIDE_CODES)
    errors.push(`There are ${codes.length} codes; a guide can have at most ${MAX_GUIDE_CODES}.`);
  return { codes, errors };
}

export const codeLinesOf = (codes: GuideCode[]) => codes.map(codeLine).join("\n");
