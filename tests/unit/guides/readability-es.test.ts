import { describe, it, expect } from "vitest";
import { fernandezHuerta, spanishSyllables } from "@/lib/guides/readability-es";
import { blocksToPlainText, isAboveTarget, readingScale, readingStats } from "@/lib/guides/readability";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";

describe("Spanish readability (Fernández-Huerta)", () => {
  it("counts syllables by Spanish rules: diphthongs, hiatus, silent u, y as a vowel", () => {
    const cases: Record<string, number> = {
      espalda: 3,
      día: 2,
      país: 2,
      agua: 2,
      muy: 1,
      y: 1,
      que: 1,
      guerra: 2,
      pingüino: 3,
      acupuntura: 5,
      fisioterapeuta: 6,
      aire: 2,
      leer: 2,
      cirugía: 4,
    };
    for (const [word, n] of Object.entries(cases)) expect([word, spanishSyllables(word)]).toEqual([word, n]);
  });

  it("agrees with the formula computed by hand", () => {
    // 12 words: Me(1) duele(2) la(1) espalda(3) / Tomo(2) agua(2) y(1) camino(3) un(1) poco(2) cada(2) día(2)
    // = 22 syllables, 2 sentences. 206.84 − 60 × 22/12 − 1.02 × 12/2 = 206.84 − 110 − 6.12 = 90.72.
    const text = "Me duele la espalda. Tomo agua y camino un poco cada día.";
    expect(fernandezHuerta(text)).toEqual({ score: 90.7, words: 12 });
    expect(readingStats(text, "es")).toEqual({ grade: 90.7, words: 12 });
    expect(readingStats(text, "es-MX").grade).toBe(90.7);
  });

  it("scores hard Spanish lower than easy Spanish, on its own scale and target", () => {
    const hard = readingStats(
      "La espondilolistesis degenerativa ocasiona frecuentemente sintomatología radicular intermitente, particularmente durante actividades prolongadas.",
      "es",
    );
    expect(hard.grade).toBeLessThan(70);
    expect(isAboveTarget(hard.grade, "es")).toBe(true);
    expect(isAboveTarget(90.7, "es")).toBe(false);
    expect(readingScale("es")).toMatchObject({ name: "Fernández-Huerta", target: 70, higherIsEasier: true });
    expect(readingScale("en")).toMatchObject({ name: "Flesch-Kincaid", higherIsEasier: false });
  });
});

describe("bullet lists", () => {
  const items = [
    "Poor posture when you sit or stand for long hours at your desk",
    "An injury from doing the same motion over and over again at work",
    "A strain in the muscles of your low back from lifting heavy boxes",
  ];
  const list = blocksToPlainText([
    {
      type: "list",
      ordered: false,
      items: items.map((text) => ({ content: [{ type: "paragraph", children: [{ type: "text", text }] }] })),
    },
  ]);

  it("score each item as a sentence, as if each ended in a full stop", () => {
    const asSentences = readingStats(items.map((i) => `${i}.`).join(" "));
    const asOneSentence = readingStats(items.join(" "));
    expect(readingStats(list)).toEqual(asSentences);
    expect(asSentences.grade).toBeLessThan(asOneSentence.grade - 5);
    expect(readingStats(list, "es").words).toBe(readingStats(items.map((i) => `${i}.`).join(" "), "es").words);
  });

  it("are scored as sentences by the importer, and references and the disclaimer are not in the guide's level", () => {
    const md = `# G\n\n## Tips\n\n${items.map((i) => `- ${i}`).join("\n")}\n\n## References\n\n- Smith, J. (2021). A very long and complicated bibliographic reference title about pharmacological interventions. https://example.org\n\n## Disclaimer\n\nNotwithstanding considerable interindividual variability, consultation with qualified practitioners remains indispensable.\n`;
    const parsed = parseGuideMarkdown(md);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const tips = parsed.guide.sections[0]!;
    expect(tips.grade).toBe(readingStats(items.map((i) => `${i}.`).join("\n")).grade);
    expect(parsed.guide.grade).toBe(tips.grade);
  });
});
