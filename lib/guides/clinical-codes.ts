// Clinical codes a guide is suggested for (front matter `codes:`, the editor's "Suggested for" lines), and the
// code systems the portal knows: ICD-10-CM and SNOMED CT, named by their FHIR system URIs. Pure, so the
// importer, the editor and the matcher (library/codes.ts) read codes the same way.

export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const SNOMED_CT = "http://snomed.info/sct";
export type CodeSystem = typeof ICD10CM | typeof SNOMED_CT;

/** A code as stored on a guide version (GuideVersion.codes, a JSON array of these). */
export type GuideCode = { system: CodeSystem; code: string; display?: string };

export const MAX_GUIDE_CODES = 50;
export const MAX_CODE_DISPLAY = 200;

export const SYSTEM_LABEL: Record<CodeSystem, string> = { [ICD10CM]: "ICD-10-CM", [SNOMED_CT]: "SNOMED CT" };

// The short names an author may write, lower-cased and without spaces; the full URIs are accepted as they are.
const SYSTEM_NAMES: Record<string, CodeSystem> = {
  "icd-10-cm": ICD10CM,
  icd10cm: ICD10CM,
  [ICD10CM]: ICD10CM,
  snomed: SNOMED_CT,
  "snomed-ct": SNOMED_CT,
  snomedct: SNOMED_CT,
  sct: SNOMED_CT,
  [SNOMED_CT]: SNOMED_CT,
};

/** A system as written (icd-10-cm, ICD-10-CM, snomed, SNOMED CT, or the URI), or null for any other. */
export function codeSystem(name: string): CodeSystem | null {
  const key = name.trim().replace(/\/+$/, "");
  return SYSTEM_NAMES[key] ?? SYSTEM_NAMES[key.toLowerCase().replace(/\s+/g, "-")] ?? null;
}

// ICD-10-CM: a letter (not U, reserved by WHO), a digit, a digit or letter, then up to four after the dot.
const ICD10CM_CODE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
// A SNOMED CT identifier: 6 to 18 digits, no leading zero, the last a Verhoeff check digit.
const SNOMED_ID = /^[1-9][0-9]{5,17}$/;

/** The code in its usual form: ICD-10-CM upper-cased with its dot after the category (M62830 → M62.830). */
export function normaliseCode(system: CodeSystem, code: string): string {
  const trimmed = code.trim();
  if (system !== ICD10CM) return trimmed;
  const upper = trimmed.toUpperCase();
  // Only a plain run of letters and digits gets its dot, so a typo is reported as it was written.
  return /^[A-Z0-9]{4,7}$/.test(upper) ? `${upper.slice(0, 3)}.${upper.slice(3)}` : upper;
}

// Verhoeff's dihedral-group check (as SNOMED CT's identifiers use it): the multiplication and permutation
// tables of D5; a number with its check digit reduces to 0.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  [...digits].reverse().forEach((ch, i) => {
    c = D[c]![P[i % 8]![Number(ch)]!]!;
  });
  return c === 0;
}

/** What is wrong with a (normalised) code for its system, as a sentence naming it; null when it is well formed. */
export function codeProblem(system: CodeSystem, code: string): string | null {
  if (system === ICD10CM) {
    return ICD10CM_CODE.test(code)
      ? null
      : `"${code}" is not an ICD-10-CM code: a letter, two characters, then optionally a dot and up to four, e.g. M62.830.`;
  }
  if (!SNOMED_ID.test(code)) return `"${code}" is not a SNOMED CT concept id: 6 to 18 digits, e.g. 45007003.`;
  if (!verhoeffValid(code)) return `"${code}" is not a SNOMED CT concept id: its check digit is wrong (a typo?).`;
  return null;
}

/** "M62.830 Muscle spasm of back (ICD-10-CM)", as the guide page lists them. */
export const codeLabel = (c: GuideCode) => `${c.code}${c.display ? ` ${c.display}` : ""} (${SYSTEM_LABEL[c.system]})`;

/** A stored GuideVersion.codes value, read defensively: anything that is not a known, well-formed code is skipped. */
export function readCodes(json: unknown): GuideCode[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item): GuideCode[] => {
    if (typeof item !== "object" || item === null) return [];
    const { system, code, display } = item as Record<string, unknown>;
    const known = typeof system === "string" ? codeSystem(system) : null;
    if (!known || typeof code !== "string") return [];
    const normal = normaliseCode(known, code);
    if (codeProblem(known, normal)) return [];
    return [{ system: known, code: normal, ...(typeof display === "string" && display ? { display } : {}) }];
  });
}

export const sameCode = (a: GuideCode, b: GuideCode) => a.system === b.system && a.code === b.code;

export type CodeEntry = { ok: true; code: GuideCode } | { ok: false; error: string };

/** One code from its parts as an author wrote them; the error names the code and says what is wrong. */
export function readCodeEntry(system: unknown, code: unknown, display: unknown): CodeEntry {
  const known = typeof system === "string" ? codeSystem(system) : null;
  if (!known)
    return {
      ok: false,
      error: `${system === undefined || system === null || system === "" ? "no system" : `"${String(system)}" is not a code system`}: use icd-10-cm or snomed (or ${ICD10CM} / ${SNOMED_CT}).`,
    };
  // YAML reads an unquoted SNOMED CT id as a number; past 2^53 its digits are no longer the ones written.
  if (typeof code === "number" && !Number.isSafeInteger(code))
    return { ok: false, error: `the code ${String(code)} is too long to read as a number: put it in quotes.` };
  if (typeof code !== "string" && typeof code !== "number") return { ok: false, error: "no code." };
  const normal = normaliseCode(known, String(code));
  const problem = codeProblem(known, normal);
  if (problem) return { ok: false, error: problem };
  if (display !== undefined && display !== null && typeof display !== "string")
    return { ok: false, error: `the display of ${normal} must be text.` };
  const text = display?.trim() ?? "";
  if (text.length > MAX_CODE_DISPLAY)
    return { ok: false, error: `the display of ${normal} is longer than ${MAX_CODE_DISPLAY} characters.` };
  return { ok: true, code: { system: known, code: normal, ...(text ? { display: text } : {}) } };
}

/** "ICD-10-CM M62.830 Muscle spasm of back": the system, the code, then the display (optional). */
export function readCodeLine(line: string): CodeEntry {
  const text = line.trim();
  // The system may be two words (SNOMED CT).
  const m = /^(snomed\s+ct|\S+)\s+(\S+)(?:\s+(.*))?$/i.exec(text);
  if (!m)
    return { ok: false, error: `"${text}" needs a system and a code, e.g. ICD-10-CM M62.830 Muscle spasm of back.` };
  return readCodeEntry(m[1], m[2], m[3]);
}

/** The line readCodeLine reads back: "ICD-10-CM M62.830 Muscle spasm of back". */
export const codeLine = (c: GuideCode) => `${SYSTEM_LABEL[c.system]} ${c.code}${c.display ? ` ${c.display}` : ""}`;

// For "is this the same as the stored version": Postgres' jsonb reorders object keys, so codes are compared as
// tuples in list order, not as the JSON text.
export const codesKey = (codes: GuideCode[]) => JSON.stringify(codes.map((c) => [c.system, c.code, c.display ?? null]));
