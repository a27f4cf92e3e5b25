// What the test EHR holds when it starts: a practitioner (the clinician who launches the portal), a second
// practitioner no portal member is linked to, a patient with an active back-spasm condition and an open
// encounter, and a patient with no conditions at all.
import type { FhirRepository } from "@medplum/fhir-router";
import type { Condition, Encounter, Patient, Practitioner, Resource } from "@medplum/fhirtypes";

export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const SNOMED = "http://snomed.info/sct";

/**
 * The seeded condition's codes. SNOMED CT 203095000 |Spasm of back muscles (finding)| is the concept for back
 * spasm (checked against a curated NHS back-problems code list; 45326000, often quoted, is shoulder pain).
 */
export const BACK_SPASM = {
  icd10: { system: ICD10CM, code: "M62.830", display: "Muscle spasm of back" },
  snomed: { system: SNOMED, code: "203095000", display: "Spasm of back muscles" },
} as const;

export type Seeded = {
  practitionerId: string;
  otherPractitionerId: string;
  patientId: string;
  patientNoConditionsId: string;
  conditionId: string;
  encounterId: string;
};

// Fixed ids (not the repository's UUIDs), so `npm run ehr:dev` names the same patient every time it starts.
export async function seed(repo: FhirRepository): Promise<Seeded> {
  const create = <T extends Resource>(resource: T) => repo.createResource<T>(resource, { assignedId: true });
  const practitioner = await create<Practitioner>({
    resourceType: "Practitioner",
    id: "pract-rivera",
    active: true,
    name: [{ family: "Rivera", given: ["Ana"], prefix: ["Dr."] }],
  });
  const other = await create<Practitioner>({
    resourceType: "Practitioner",
    id: "pract-okafor",
    active: true,
    name: [{ family: "Okafor", given: ["Chidi"], prefix: ["Dr."] }],
  });
  const patient = await create<Patient>({
    resourceType: "Patient",
    id: "pat-lindqvist",
    active: true,
    identifier: [{ system: "urn:oid:1.2.36.146.595.217.0.1", value: "MRN-000123" }],
    name: [{ family: "Lindqvist", given: ["Maja"] }],
    gender: "female",
    birthDate: "1984-03-17",
  });
  const bare = await create<Patient>({
    resourceType: "Patient",
    id: "pat-haddad",
    active: true,
    identifier: [{ system: "urn:oid:1.2.36.146.595.217.0.1", value: "MRN-000456" }],
    name: [{ family: "Haddad", given: ["Omar"] }],
    gender: "male",
    birthDate: "1990-11-02",
  });
  const encounter = await create<Encounter>({
    resourceType: "Encounter",
    id: "enc-1",
    status: "in-progress",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    subject: { reference: `Patient/${patient.id}` },
    participant: [{ individual: { reference: `Practitioner/${practitioner.id}` } }],
  });
  const condition = await create<Condition>({
    resourceType: "Condition",
    id: "cond-back-spasm",
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    verificationStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }],
    },
    category: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" }],
      },
    ],
    code: { coding: [BACK_SPASM.icd10, BACK_SPASM.snomed], text: "Muscle spasm of back" },
    subject: { reference: `Patient/${patient.id}` },
    encounter: { reference: `Encounter/${encounter.id}` },
  });
  return {
    practitionerId: practitioner.id,
    otherPractitionerId: other.id,
    patientId: patient.id,
    patientNoConditionsId: bare.id,
    conditionId: condition.id,
    encounterId: encounter.id,
  };
}
