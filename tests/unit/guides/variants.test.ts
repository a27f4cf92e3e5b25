import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { matchVariantSections } from "@/lib/guides/import/variants";

const parse = (md: string) => {
  const r = parseGuideMarkdown(md);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.guide;
};
const seed = (file: string) =>
  parse(readFileSync(path.resolve(__dirname, "../../../prisma/seed/guides", file), "utf8"));

const original = parse(
  `# Knee Pain\n\n## What Is It\n\nA dull ache.\n\n## When to Seek Care\n\nCall us if it swells.\n\n## Disclaimer\n\nGeneral advice.\n`,
);

describe("variant import", () => {
  it("reads variantOf, level, language and key points, and gives sections the listed keys", () => {
    const v = parse(
      `---\nvariantOf: knee-pain\nlevel: plain\nlanguage: es\nkeys: [what-is-it, when-to-seek-care, disclaimer]\nkeyPoints:\n  what-is-it: Duele la rodilla.\n---\n# Dolor de rodilla\n\n## Qué es\n\nUn dolor sordo.\n\n## Cuándo buscar atención\n\nLlámenos si se hincha.\n\n> Punto clave: Llame si se hincha.\n\n## Aviso legal\n\nConsejo general.\n`,
    );
    expect(v.variant).toMatchObject({ of: "knee-pain", level: "plain", language: "es", keysGiven: true });
    expect(v.sections.map((s) => [s.key, s.kind, s.required])).toEqual([
      ["what-is-it", "content", false],
      ["when-to-seek-care", "content", true],
      ["disclaimer", "disclaimer", true],
    ]);
    expect(v.sections.map((s) => s.keyPoint)).toEqual(["Duele la rodilla.", "Llame si se hincha.", null]);
    // The key point line is not part of the section's text.
    expect(v.sections[1]!.plainText).toBe("Llámenos si se hincha.");
    expect(matchVariantSections(original, v)).toMatchObject({ ok: true });
  });

  it("matches sections by order when no keys are listed", () => {
    const v = parse(
      `---\nvariantOf: knee-pain\nlevel: plain\n---\n# Knee Pain: The Basics\n\n## What It Is\n\nAn ache.\n\n## Getting Help\n\nCall us.\n\n## Disclaimer\n\nAdvice.\n`,
    );
    const match = matchVariantSections(original, v);
    expect(match.ok && match.sections.map((s) => s.key)).toEqual(["what-is-it", "when-to-seek-care", "disclaimer"]);
  });

  it("refuses a variant whose sections do not match, naming them", () => {
    const v = parse(
      `---\nvariantOf: knee-pain\nkeys: [what-is-it, exercises, disclaimer]\n---\n# K\n\n## Qué es\n\nUn dolor.\n\n## Ejercicios\n\nCamine.\n\n## Aviso legal\n\nConsejo.\n`,
    );
    const match = matchVariantSections(original, v);
    expect(match.ok).toBe(false);
    const text = match.ok ? "" : match.errors.join(" ");
    expect(text).toContain('lacks a section of "Knee Pain": "When to Seek Care" (when-to-seek-care)');
    expect(text).toContain('"Ejercicios" (exercises) is not in the sections of "Knee Pain"');

    const short = matchVariantSections(original, parse(`# K\n\n## Only One\n\nText.\n`));
    expect(short.ok ? "" : short.errors[0]).toMatch(
      /1 sections and the sections of "Knee Pain" are 3: "What Is It" \(what-is-it\), "When to Seek Care"/,
    );
  });

  it("refuses a keys list of the wrong length or with a repeated key", () => {
    expect(parseGuideMarkdown(`---\nkeys: [a, b]\n---\n# K\n\n## One\n\nText.\n`)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('"keys" lists 2 section keys but the guide has 1 sections')],
    });
    expect(parseGuideMarkdown(`---\nkeys: [a, a]\n---\n# K\n\n## One\n\nText.\n\n## Two\n\nMore.\n`)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('"a" is listed twice')],
    });
    expect(parseGuideMarkdown(`---\nlanguage: Spanish\n---\n# K\n\n## One\n\nText.\n`)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('"language" must be a language tag')],
    });
  });

  it("the seed's plain English and Spanish variants match the seed guide, plain English at grade 6.5 or below", () => {
    const base = seed("back-spasms.md");
    for (const file of ["back-spasms.plain.en.md", "back-spasms.plain.es.md"]) {
      const v = seed(file);
      expect(matchVariantSections(base, v)).toMatchObject({ ok: true });
      expect(v.sections.filter((s) => s.kind === "content").every((s) => s.keyPoint)).toBe(true);
      expect(v.references.map((r) => r.key)).toEqual(base.references.map((r) => r.key));
      // Every source the original cites in a section is cited in the same section of the variant.
      for (const s of base.sections)
        expect(v.sections.find((x) => x.key === s.key)!.citedRefKeys.sort()).toEqual([...s.citedRefKeys].sort());
    }
    const plain = seed("back-spasms.plain.en.md");
    for (const s of plain.sections.filter((s) => s.kind === "content"))
      expect([s.key, s.grade <= 6.5]).toEqual([s.key, true]);
    const es = seed("back-spasms.plain.es.md");
    expect(es.variant.translationNote).toMatch(/qualified medical translator should review it before clinical use/);
    for (const s of es.sections.filter((s) => s.kind === "content"))
      expect([s.key, s.grade >= 70]).toEqual([s.key, true]);
  });
});
