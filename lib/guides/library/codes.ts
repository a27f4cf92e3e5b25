import "server-only";
import { db } from "@/lib/db";
import {
  codeProblem,
  codeSystem,
  ICD10CM,
  normaliseCode,
  readCodes,
  type GuideCode,
} from "@/lib/guides/clinical-codes";
import type { MemberContext } from "@/lib/member-context";

// Guides suggested for a patient's conditions (the EHR launch's active Condition codes). The clinic's guides and
// the shared library are at most hundreds, so their codes are read in one query and matched here.

/** A code as it comes from elsewhere (a FHIR Coding): any system, any spelling. */
export type ClinicalCode = { system: string; code: string; display?: string };

export type GuideSuggestion = {
  guideId: string;
  title: string;
  summary: string | null;
  // The patient's codes (as given) that this guide matched.
  matched: ClinicalCode[];
  // "code": some condition has one of the guide's codes; "ancestor": only a broader code of the guide's covers one.
  how: "code" | "ancestor";
};

export type CodedGuide = { guideId: string; title: string; summary: string | null; codes: GuideCode[] };

// A FHIR response is bounded before it gets here, but the matcher does not rely on it.
const MAX_CONDITIONS = 1000;

/**
 * How a guide's code covers a patient's: "code" for the same code, "ancestor" for a broader one, else null.
 * ICD-10-CM carries its hierarchy in the code: each character after the category narrows it, so M62.8 and
 * M62.83 are ancestors of M62.830 (and M62.830 of nothing broader). SNOMED CT's hierarchy lives in its
 * relationship tables, which the portal does not have offline: exact concept only (a guide coded "muscle
 * spasm" is not suggested for "muscle spasm of back" unless it lists both).
 */
export function coverage(guide: GuideCode, patient: GuideCode): "code" | "ancestor" | null {
  if (guide.system !== patient.system) return null;
  if (guide.code === patient.code) return "code";
  if (guide.system !== ICD10CM) return null;
  const g = guide.code.replace(".", "");
  const p = patient.code.replace(".", "");
  return p.length > g.length && p.startsWith(g) ? "ancestor" : null;
}

/** A condition's code in the form guides store, or null for another system or a malformed code (skipped). */
function normalise(c: ClinicalCode): GuideCode | null {
  if (typeof c?.system !== "string" || typeof c.code !== "string") return null;
  const system = codeSystem(c.system);
  if (!system) return null;
  const code = normaliseCode(system, c.code);
  return codeProblem(system, code) ? null : { system, code };
}

/** The pure part: which of `guides` suit `conditions`, exact matches first, then by title. */
export function matchGuides(guides: CodedGuide[], conditions: ClinicalCode[]): GuideSuggestion[] {
  const patient = conditions
    .slice(0, MAX_CONDITIONS)
    .map((given) => ({ given, code: normalise(given) }))
    .filter((p): p is { given: ClinicalCode; code: GuideCode } => p.code !== null);
  if (patient.length === 0) return [];
  const suggestions: GuideSuggestion[] = [];
  for (const guide of guides) {
    const matched: ClinicalCode[] = [];
    let exact = false;
    for (const p of patient) {
      const hows = guide.codes.map((g) => coverage(g, p.code));
      const how = hows.includes("code") ? "code" : hows.includes("ancestor") ? "ancestor" : null;
      if (!how) continue;
      exact ||= how === "code";
      if (!matched.includes(p.given)) matched.push(p.given);
    }
    if (matched.length > 0)
      suggestions.push({
        guideId: guide.guideId,
        title: guide.title,
        summary: guide.summary,
        matched,
        how: exact ? "code" : "ancestor",
      });
  }
  return suggestions.sort(
    (a, b) => Number(a.how === "ancestor") - Number(b.how === "ancestor") || a.title.localeCompare(b.title),
  );
}

/**
 * The guides the clinic's builder offers (its own and the shared library's originals, not variants: the
 * builder offers the family's levels and languages), at their latest versions, that suit the patient's
 * conditions. No conditions (or none in a known system): [] without a query.
 */
export async function findGuidesForConditions(
  ctx: MemberContext,
  conditions: ClinicalCode[],
): Promise<GuideSuggestion[]> {
  if (!conditions.some((c) => normalise(c))) return [];
  const clinicId = ctx.clinic.id;
  // The latest version of each guide first, then its codes: an older version's codes no longer speak for it.
  const rows = await db.$queryRaw<{ guideId: string; title: string; summary: string | null; codes: unknown }[]>`
    SELECT "guideId", "title", "summary", "codes" FROM (
      SELECT DISTINCT ON (v."guideId") v."guideId", v."title", v."summary", v."codes"
      FROM "GuideVersion" v JOIN "Guide" g ON g."id" = v."guideId"
      WHERE (g."clinicId" = ${clinicId} OR g."clinicId" IS NULL) AND g."variantOfId" IS NULL
      ORDER BY v."guideId", v."version" DESC
    ) latest
    WHERE jsonb_array_length("codes") > 0`;
  return matchGuides(
    rows.map((r) => ({ guideId: r.guideId, title: r.title, summary: r.summary, codes: readCodes(r.codes) })),
    conditions,
  );
}
