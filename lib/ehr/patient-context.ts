import "server-only";
import { z } from "zod";
import { fhirFetch, FhirHttpError } from "@/lib/ehr/fhir-http";
import type { ClinicalCode } from "@/lib/guides/library/codes";

const humanName = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});
const patientSchema = z.object({ resourceType: z.literal("Patient"), name: z.array(humanName).optional() });

const coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const concept = z.object({ coding: z.array(coding).optional() }).optional();
const conditionSchema = z.object({
  resourceType: z.literal("Condition"),
  clinicalStatus: concept,
  verificationStatus: concept,
  code: concept,
});
const bundleSchema = z.object({
  resourceType: z.literal("Bundle"),
  entry: z.array(z.object({ resource: z.unknown() })).optional(),
});

const MAX_CONDITIONS = 200;

/**
 * "Prepared for" from the patient's name as the clinic's setting allows: initials ("J. D."), the first name
 * (what the builder accepts: a handout needs no more of a patient's name), or nothing. Letters only, as the
 * builder checks; a name the builder would refuse gives nothing rather than a wrong value.
 */
export function preparedForName(name: z.infer<typeof humanName> | undefined, setting: string): string | null {
  if (!name || setting === "none") return null;
  const words = (name.given?.length ? name.given : (name.text ?? "").split(/\s+/)).filter(Boolean);
  const family = name.family ?? (name.given?.length || words.length < 2 ? undefined : words.at(-1));
  const first = words[0];
  const value =
    setting === "first-name"
      ? first
      : [first, family]
          .filter((p): p is string => Boolean(p?.trim()))
          .map((p) => `${[...p.trim()][0]!.toUpperCase()}.`)
          .join(" ");
  return value && /^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(value) && value.length <= 30 ? value : null;
}

const isActive = (c: z.infer<typeof conditionSchema>) => {
  const clinical = c.clinicalStatus?.coding?.map((x) => x.code) ?? [];
  const verification = c.verificationStatus?.coding?.map((x) => x.code) ?? [];
  return (
    (clinical.length === 0 || clinical.some((s) => s === "active" || s === "recurrence" || s === "relapse")) &&
    !verification.some((s) => s === "entered-in-error" || s === "refuted")
  );
};

/**
 * What a launch needs of the patient: the name (only to fill "Prepared for" as the clinic allows; it is not
 * stored otherwise) and the codes of their active conditions, for the guide suggestions. A patient without
 * conditions has none, and nothing breaks; a malformed answer is refused.
 */
export async function readPatientContext(fhirBaseUrl: string, token: string, patientId: string, setting: string) {
  const patient = patientSchema.safeParse(
    (await fhirFetch(`${fhirBaseUrl}/Patient/${encodeURIComponent(patientId)}`, { token })).body,
  );
  if (!patient.success) throw new FhirHttpError("The EHR's Patient was not a FHIR Patient.", "format");
  const names = patient.data.name ?? [];
  const name = names.find((n) => n.use === "official") ?? names.find((n) => n.use !== "old") ?? names[0];

  const search = `${fhirBaseUrl}/Condition?patient=${encodeURIComponent(patientId)}&clinical-status=active&_count=${MAX_CONDITIONS}`;
  const bundle = bundleSchema.safeParse((await fhirFetch(search, { token })).body);
  if (!bundle.success) throw new FhirHttpError("The EHR's Condition search did not return a Bundle.", "format");
  const codes = new Map<string, ClinicalCode>();
  for (const entry of (bundle.data.entry ?? []).slice(0, MAX_CONDITIONS)) {
    const condition = conditionSchema.safeParse(entry.resource);
    if (!condition.success || !isActive(condition.data)) continue;
    for (const c of condition.data.code?.coding ?? []) {
      if (!c.system || !c.code) continue;
      const code = { system: c.system.slice(0, 200), code: c.code.slice(0, 50), display: c.display?.slice(0, 200) };
      codes.set(`${code.system}|${code.code}`, code);
    }
  }
  return { preparedFor: preparedForName(name, setting), conditions: [...codes.values()] };
}
