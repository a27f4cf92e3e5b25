// "Download for the chart" and `npm run fhir:bundle`: a stored handout's FHIR transaction Bundle is made from
// the stored PDF's exact bytes, within the member's clinic only, audited as its own action, valid FHIR R4, and
// the same from the route's loader and from the command.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import type { DocumentReference } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { chartBundle } from "@/lib/fhir/bundle";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { getChartSourceForExport } from "@/lib/handouts/queries";
import { createHandout } from "@/lib/printing/generate";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { fhirErrors } from "../support/fhir-definitions";
import { act, db, importSeedGuide } from "./helpers";

async function storedHandout() {
  const guide = await importSeedGuide();
  const c = await createClinicWithMembers(db);
  const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guide.guideId);
  const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
    ...start.initial,
    guideVersionId: start.guide.versionId,
    notes: "",
    preparedFor: "M.L.",
    patientLink: false,
  });
  return { c, id };
}

describe("the chart copy of a stored handout", { timeout: 60_000 }, () => {
  it("is the stored PDF's bytes in valid FHIR, audited, for the handout's clinic only; fhir:bundle prints the same", async () => {
    const { c, id } = await storedHandout();
    const stored = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id } });
    const source = await act(c.clinician.id, c.clinic.id, getChartSourceForExport, id);
    const ctx = { portalBaseUrl: env().APP_URL, clinicName: source.clinicName, authorName: source.authorName };
    const bundle = chartBundle({ ...source, ctx });
    expect(fhirErrors(bundle)).toEqual([]);
    const doc = bundle.entry![0]!.resource as DocumentReference;
    const bytes = Buffer.from(doc.content[0]!.attachment.data!, "base64");
    expect(bytes.equals(Buffer.from(stored.bytes))).toBe(true);
    expect(doc.content[0]!.attachment.hash).toBe(crypto.createHash("sha1").update(bytes).digest("base64"));
    expect(doc.identifier).toContainEqual({ system: `${env().APP_URL}/fhir/handout-sha256`, value: stored.sha256 });
    expect(doc.contained).toEqual([{ resourceType: "Patient", id: "patient", name: [{ text: "M.L." }] }]);

    expect(
      await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "handout.chart_exported", targetId: id } }),
    ).toBe(1);
    const other = await createClinicWithMembers(db);
    await expect(act(other.owner.id, other.clinic.id, getChartSourceForExport, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "lib/cli/fhir-bundle.ts", id],
      { encoding: "utf8", env: process.env },
    );
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(bundle);
  });
});
