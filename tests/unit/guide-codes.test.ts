import { describe, expect, it } from "vitest";
import {
  codeLabel,
  codeProblem,
  codeSystem,
  ICD10CM,
  normaliseCode,
  readCodes,
  SNOMED_CT,
  verhoeffValid,
} from "@/lib/guides/clinical-codes";
import { coverage, matchGuides, type CodedGuide } from "@/lib/guides/library/codes";
import { splitFrontMatter } from "@/lib/guides/import/front-matter";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { codeLinesOf, readCodeLines } from "@/lib/guides/editor/code-lines";
import { draftToMarkdown } from "@/lib/guides/editor/draft-markdown";
import { checkDraftShape } from "@/lib/guides/editor/draft-issues";

const icd = (code: string, display?: string) => ({ system: ICD10CM, code, ...(display ? { display } : {}) }) as const;
const sct = (code: string, display?: string) => ({ system: SNOMED_CT, code, ...(display ? { display } : {}) }) as const;
const front = (yaml: string) => splitFrontMatter(`---\n${yaml}\n---\n# T\n`);

describe("clinical codes: systems and shapes", () => {
  it("knows ICD-10-CM and SNOMED CT by short name, label or URI, and nothing else", () => {
    for (const name of ["icd-10-cm", "ICD-10-CM", "icd10cm", ICD10CM, `${ICD10CM}/`])
      expect(codeSystem(name)).toBe(ICD10CM);
    for (const name of ["snomed", "SNOMED CT", "snomed-ct", "sct", SNOMED_CT]) expect(codeSystem(name)).toBe(SNOMED_CT);
    for (const name of ["icd-10", "http://hl7.org/fhir/sid/icd-10", "loinc", ""]) expect(codeSystem(name)).toBeNull();
  });

  it("writes ICD-10-CM upper-case with its dot, and checks its shape", () => {
    expect(normaliseCode(ICD10CM, " m62830 ")).toBe("M62.830");
    expect(normaliseCode(ICD10CM, "m54.5")).toBe("M54.5");
    expect(normaliseCode(ICD10CM, "M62")).toBe("M62");
    for (const ok of ["M62.830", "M54.50", "M62", "S39.012A", "Z99.89"]) expect(codeProblem(ICD10CM, ok)).toBeNull();
    // U is reserved by WHO; a digit first, a letter second, a dot part of five are all wrong.
    for (const bad of ["U07.1", "162.830", "MM2.830", "M62.83012", "M62.", "M6"])
      expect(codeProblem(ICD10CM, bad)).toMatch(new RegExp(`"${bad.replace(".", "\\.")}" is not an ICD-10-CM code`));
  });

  it("checks a SNOMED CT id's length and Verhoeff check digit", () => {
    // Concept ids from the SNOMED CT release (back spasm, low back pain, backache, a US-extension id).
    for (const id of ["203095000", "279039007", "161891005", "100211000119106"]) {
      expect(verhoeffValid(id)).toBe(true);
      expect(codeProblem(SNOMED_CT, id)).toBeNull();
    }
    expect(codeProblem(SNOMED_CT, "203095001")).toMatch(/"203095001" .*check digit is wrong/);
    expect(codeProblem(SNOMED_CT, "279093007")).toMatch(/check digit is wrong/); // two digits swapped
    expect(codeProblem(SNOMED_CT, "12345")).toMatch(/6 to 18 digits/);
    expect(codeProblem(SNOMED_CT, "0279039007")).toMatch(/6 to 18 digits/);
    expect(codeProblem(SNOMED_CT, "M62.830")).toMatch(/not a SNOMED CT concept id/);
  });

  it("labels a code for the guide page, and reads stored codes defensively", () => {
    expect(codeLabel(icd("M62.830", "Muscle spasm of back"))).toBe("M62.830 Muscle spasm of back (ICD-10-CM)");
    expect(codeLabel(sct("279039007"))).toBe("279039007 (SNOMED CT)");
    expect(readCodes([icd("m62830"), { system: "loinc", code: "1" }, sct("203095001"), "x", null])).toEqual([
      icd("M62.830"),
    ]);
    expect(readCodes({})).toEqual([]);
  });
});

describe("front matter codes:", () => {
  it("reads objects or lines, short names or URIs, SNOMED ids written as numbers", () => {
    const r = front(
      [
        "codes:",
        "  - {system: icd-10-cm, code: M62.830, display: Muscle spasm of back}",
        `  - {system: "${SNOMED_CT}", code: 279039007, display: Low back pain}`,
        '  - "ICD-10-CM m54.50 Low back pain, unspecified"',
        "  - {system: icd-10-cm, code: M62830}",
      ].join("\n"),
    );
    expect(r.errors).toEqual([]);
    expect(r.data.codes).toEqual([
      icd("M62.830", "Muscle spasm of back"),
      sct("279039007", "Low back pain"),
      icd("M54.50", "Low back pain, unspecified"),
    ]);
  });

  it("names each bad code and what is wrong with it", () => {
    const r = front(
      [
        "codes:",
        "  - {system: icd-10, code: M62.830}",
        '  - {system: icd-10-cm, code: "M62,830"}',
        "  - {system: snomed, code: 203095001}",
        "  - {system: snomed, code: 1234567890123456789}",
        "  - {code: M62.830}",
        "  - [M62.830]",
      ].join("\n"),
    );
    expect(r.errors).toEqual([
      expect.stringMatching(/^Front matter: "codes" entry 1: "icd-10" is not a code system: use icd-10-cm or snomed/),
      expect.stringMatching(/^Front matter: "codes" entry 2: "M62,830" is not an ICD-10-CM code/),
      expect.stringMatching(
        /^Front matter: "codes" entry 3: "203095001" is not a SNOMED CT concept id: its check digit/,
      ),
      expect.stringMatching(
        /^Front matter: "codes" entry 4: the code .* is too long to read as a number: put it in quotes/,
      ),
      expect.stringMatching(/^Front matter: "codes" entry 5: no system/),
      expect.stringMatching(/^Front matter: "codes" entry 6: write it as \{system/),
    ]);
    // The other fields are still read.
    expect(front("title: Back\ncodes: M62.830").errors).toEqual([expect.stringMatching(/"codes" must be a list/)]);
  });

  it("allows at most 50 codes", () => {
    const many = Array.from({ length: 51 }, (_, i) => `  - "ICD-10-CM M62.${String(i).padStart(2, "0")}"`);
    expect(front(`codes:\n${many.join("\n")}`).errors).toEqual([
      'Front matter: "codes" lists 51 codes; a guide can have at most 50.',
    ]);
  });

  it("a parsed guide carries its codes; a variant's are ignored with a warning", () => {
    const body = "# Back\n\n## Rest\n\nRest a little.\n\n## Disclaimer\n\nGeneral advice.\n";
    const original = parseGuideMarkdown(`---\ncodes: ["ICD-10-CM M62.830 Muscle spasm of back"]\n---\n${body}`);
    expect(original.ok && original.guide.codes).toEqual([icd("M62.830", "Muscle spasm of back")]);
    const variant = parseGuideMarkdown(
      `---\nvariantOf: back\nlevel: plain\ncodes: ["ICD-10-CM M62.830"]\n---\n${body}`,
    );
    expect(variant.ok && variant.guide.codes).toEqual([]);
    expect(variant.ok && variant.warnings).toContainEqual(expect.stringMatching(/"codes" was ignored: a variant/));
  });
});

describe("the editor's code lines", () => {
  it("reads one code a line, skipping blanks and repeats, each problem with its line number", () => {
    expect(
      readCodeLines("ICD-10-CM M62.830 Muscle spasm of back\n\nsnomed ct 279039007 Low back pain\nicd-10-cm m62830"),
    ).toEqual({
      codes: [icd("M62.830", "Muscle spasm of back"), sct("279039007", "Low back pain")],
      errors: [],
    });
    expect(readCodeLines("ICD-10-CM M62.830\nM62.830\nICD10 M62.830 Spasm\nSNOMED 203095001").errors).toEqual([
      expect.stringMatching(/^Line 2: "M62\.830" needs a system and a code/),
      expect.stringMatching(/^Line 3: "ICD10" is not a code system/),
      expect.stringMatching(/^Line 4: "203095001" is not a SNOMED CT concept id/),
    ]);
  });

  it("round-trips: lines → draft Markdown front matter → importer → the same codes → the same lines", () => {
    const lines = 'ICD-10-CM M62.830 Muscle spasm of back\nSNOMED CT 279039007 Low back pain: "acute"';
    const draft = {
      title: "Back",
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: lines,
      sections: [{ title: "Rest", markdown: "Rest a little.", required: false, keepUnlocked: false }],
    };
    const parsed = parseGuideMarkdown(draftToMarkdown(draft).markdown);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    expect(parsed.guide.codes).toEqual(readCodeLines(lines).codes);
    expect(codeLinesOf(parsed.guide.codes)).toBe(lines);
    expect(checkDraftShape(draft).fields.codes).toBeUndefined();
    expect(checkDraftShape({ ...draft, codes: "ICD-10-CM X" }).fields.codes).toEqual([
      expect.stringMatching(/^Line 1: "X" is not an ICD-10-CM code/),
    ]);
  });
});

describe("matching a patient's conditions to guides", () => {
  const guide = (title: string, ...codes: CodedGuide["codes"]): CodedGuide => ({
    guideId: title.toLowerCase(),
    title,
    summary: null,
    codes,
  });

  it("ICD-10-CM: the same code, or a broader one of the guide's; never a narrower one", () => {
    expect(coverage(icd("M62.830"), icd("M62.830"))).toBe("code");
    expect(coverage(icd("M62.83"), icd("M62.830"))).toBe("ancestor");
    expect(coverage(icd("M62.8"), icd("M62.830"))).toBe("ancestor");
    expect(coverage(icd("M62"), icd("M62.830"))).toBe("ancestor");
    expect(coverage(icd("M62.830"), icd("M62.8"))).toBeNull();
    expect(coverage(icd("M62.831"), icd("M62.830"))).toBeNull();
    // M62.8 is not an ancestor of M62.08 just because the characters without the dot line up differently.
    expect(coverage(icd("M62.8"), icd("M62.08"))).toBeNull();
  });

  it("SNOMED CT: the same concept only (no hierarchy offline)", () => {
    expect(coverage(sct("279039007"), sct("279039007"))).toBe("code");
    expect(coverage(sct("27903"), sct("279039007"))).toBeNull();
    expect(coverage(sct("279039007"), icd("M54.50"))).toBeNull();
  });

  it("normalises the patient's codes (case, dot, system names), exact matches first, then by title", () => {
    const guides = [
      guide("Zebra Back", icd("M62.830")),
      guide("Any Muscle Spasm", icd("M62.83")),
      guide("Apple Back", icd("M62.830"), sct("279039007")),
      guide("Calf Cramps", icd("M62.831")),
    ];
    const patient = [
      { system: `${ICD10CM}`, code: "m62830", display: "Back spasm" },
      { system: "http://snomed.info/sct", code: "279039007" },
    ];
    const result = matchGuides(guides, patient);
    expect(result.map((r) => [r.title, r.how])).toEqual([
      ["Apple Back", "code"],
      ["Zebra Back", "code"],
      ["Any Muscle Spasm", "ancestor"],
    ]);
    // `matched` is the patient's codes as the EHR sent them.
    expect(result[0]!.matched).toEqual(patient);
    expect(result[2]!.matched).toEqual([patient[0]]);
  });

  it("no conditions, or none in a known system or shape, match nothing", () => {
    const guides = [guide("Back", icd("M62.830"))];
    expect(matchGuides(guides, [])).toEqual([]);
    expect(
      matchGuides(guides, [
        { system: "http://hl7.org/fhir/sid/icd-10", code: "M62.830" },
        { system: ICD10CM, code: "not a code" },
        { system: undefined as unknown as string, code: "M62.830" },
      ]),
    ).toEqual([]);
  });
});
