// The codes the chart copy carries, and why these.

/**
 * The document type. LOINC 34895-3 "Education note" is a document-ontology code (kind: note, type of
 * service: education) in the US Core DocumentReference type value set; IHE PCC's patient education section and
 * the French DMP's "Fiche d'information au patient" use it for exactly this. 69730-0 "Instructions" is the
 * C-CDA Instructions *section* (what the patient should do), not a document type, and a handout is more than
 * instructions.
 */
export const EDUCATION_NOTE = { system: "http://loinc.org", code: "34895-3", display: "Education note" } as const;

/**
 * The category: US Core's only DocumentReference category, "clinical-note"; EHRs that accept notes over FHIR
 * (Epic's DocumentReference.Create, Oracle Health's) file documents of this category in the notes section.
 */
export const CLINICAL_NOTE = {
  system: "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
  code: "clinical-note",
  display: "Clinical Note",
} as const;

const MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";
/** How a Communication reached the patient (v3 ParticipationMode): every delivery is an email. */
export const EMAIL = { system: MODE, code: "EMAILWRIT", display: "email" } as const;
/** A link-only email: the patient reads the handout online, behind the link. */
export const ONLINE = { system: MODE, code: "ONLINEWRIT", display: "online written" } as const;

/** Communication category: a handout tells the patient what to do. */
export const INSTRUCTION = {
  system: "http://terminology.hl7.org/CodeSystem/communication-category",
  code: "instruction",
  display: "Instruction",
} as const;
