// SMART App Launch scopes as the test EHR grants and enforces them: v2 (`patient/Condition.rs`,
// `user/DocumentReference.cruds`) and v1 (`patient/*.read`, `patient/DocumentReference.write`), so a client
// that only speaks one of them can be tried against it.

/** One FHIR interaction as a SMART v2 permission letter: create, read, update, delete, search. */
export type Permission = "c" | "r" | "u" | "d" | "s";

const V1: Record<string, string> = { read: "rs", write: "cud", "*": "cruds" };

type Grant = { context: "patient" | "user" | "system"; type: string; permissions: Set<string> };

function parse(scope: string): Grant | undefined {
  const m = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(\*|read|write|c?r?u?d?s?)(\?.*)?$/.exec(scope);
  if (!m || m[3] === "") return undefined;
  const letters = V1[m[3]!] ?? m[3]!;
  return { context: m[1] as Grant["context"], type: m[2]!, permissions: new Set(letters) };
}

/** Whether a granted scope string allows `permission` on `resourceType` (any context: the compartment is checked apart). */
export function allows(scope: string, resourceType: string, permission: Permission): boolean {
  return scope
    .split(" ")
    .map(parse)
    .some((g) => g !== undefined && (g.type === "*" || g.type === resourceType) && g.permissions.has(permission));
}

/** Whether every resource scope granted is a patient/ one: the token is then held to the launch's patient. */
export function patientOnly(scope: string): boolean {
  const grants = scope.split(" ").map(parse).filter(Boolean) as Grant[];
  return grants.length > 0 && grants.every((g) => g.context === "patient");
}

// oidc-provider drops a requested scope it does not know, so every spelling a client may send is listed.
const TYPES = [
  "*",
  "Patient",
  "Condition",
  "Encounter",
  "Practitioner",
  "DocumentReference",
  "Communication",
  "Binary",
];
const V2_LETTERS = ((): string[] => {
  const out: string[] = [];
  for (let mask = 1; mask < 32; mask++) out.push([..."cruds"].filter((_, i) => mask & (1 << i)).join(""));
  return out;
})();

export const RESOURCE_SCOPES = ["patient", "user"].flatMap((ctx) =>
  TYPES.flatMap((t) => [...V2_LETTERS, "read", "write", "*"].map((p) => `${ctx}/${t}.${p}`)),
);

export const LAUNCH_SCOPES = ["launch", "launch/patient", "launch/encounter", "online_access"];

/** What discovery advertises: the launch scopes and the resource scopes the portal asks for, not every spelling. */
export const ADVERTISED_SCOPES = [
  "openid",
  "fhirUser",
  "offline_access",
  ...LAUNCH_SCOPES,
  "patient/Patient.rs",
  "patient/Condition.rs",
  "patient/Encounter.rs",
  "patient/DocumentReference.cruds",
  "patient/Communication.cruds",
  "patient/Binary.cruds",
  "user/Practitioner.rs",
  "patient/*.read",
  "patient/*.write",
];
