import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { importClinicGuide } from "@/lib/guides/import/mutations";
import { importGuideZip } from "@/lib/guides/import/zip-import";
import { importGuide } from "@/lib/guides/import/store";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { findGuidesForConditions } from "@/lib/guides/library/codes";
import { getGuide } from "@/lib/guides/library/queries";
import {
  createGuideDraft,
  getGuideDraft,
  openGuideDraft,
  publishGuideDraft,
  saveGuideDraft,
} from "@/lib/guides/editor/drafts";
import { ICD10CM, SNOMED_CT } from "@/lib/guides/clinical-codes";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const guideMd = (title: string, codes: string[], extra = "") => `---
title: "${title}"
${codes.length ? `codes:\n${codes.map((c) => `  - ${c}`).join("\n")}` : ""}
${extra}
---

## Rest

Rest a little, then move gently.

## Disclaimer

General advice, not a diagnosis.
`;
// What the lead's SMART launch will pass: the patient's active Condition codings, as the EHR wrote them.
const backSpasm = { system: ICD10CM, code: "M62.830", display: "Muscle spasm of back" };

describe("guides suggested by a patient's condition codes", () => {
  it("imports codes through the real importer and matches them exactly or by ICD-10-CM ancestor, only in the clinic's own library", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const run = unique();
    const exact = await act(
      a.admin.id,
      a.clinic.id,
      importClinicGuide,
      guideMd(`Back Spasm ${run}`, [
        "{system: icd-10-cm, code: M62.830, display: Muscle spasm of back}",
        '{system: snomed, code: "279039007", display: Low back pain}',
      ]),
    );
    const broad = await act(
      a.admin.id,
      a.clinic.id,
      importClinicGuide,
      guideMd(`Any Muscle Spasm ${run}`, ['"ICD-10-CM M62.83 Muscle spasm"']),
    );
    const narrower = await act(
      a.admin.id,
      a.clinic.id,
      importClinicGuide,
      guideMd(`Calf Cramps ${run}`, ['"ICD-10-CM M62.831 Muscle spasm of calf"']),
    );
    const uncoded = await act(a.admin.id, a.clinic.id, importClinicGuide, guideMd(`Posture ${run}`, []));
    // A variant of the back-spasm guide (another reading level): suggested through its original only.
    const variant = await act(
      a.admin.id,
      a.clinic.id,
      importClinicGuide,
      guideMd(`Back Spasm Basics ${run}`, ['"ICD-10-CM M62.830"'], `variantOf: back-spasm-${run}\nlevel: plain`),
    );
    const other = await act(
      b.admin.id,
      b.clinic.id,
      importClinicGuide,
      guideMd(`Clinic B Back ${run}`, ['"ICD-10-CM M62.830"']),
    );

    const stored = await db.guideVersion.findUniqueOrThrow({ where: { id: exact.versionId }, select: { codes: true } });
    expect(stored.codes).toEqual([
      { system: ICD10CM, code: "M62.830", display: "Muscle spasm of back" },
      { system: SNOMED_CT, code: "279039007", display: "Low back pain" },
    ]);
    expect(
      (await db.guideVersion.findUniqueOrThrow({ where: { id: variant.versionId }, select: { codes: true } })).codes,
    ).toEqual([]);

    // The EHR's spelling: lower case, no dot.
    const found = await act(a.clinician.id, a.clinic.id, findGuidesForConditions, [
      { system: ICD10CM, code: "m62830", display: "Back spasm" },
    ]);
    const mine = found.filter((g) => g.title.endsWith(run));
    expect(mine.map((g) => [g.guideId, g.how])).toEqual([
      [exact.guideId, "code"],
      [broad.guideId, "ancestor"],
    ]);
    expect(mine[0]).toMatchObject({
      title: `Back Spasm ${run}`,
      matched: [{ system: ICD10CM, code: "m62830", display: "Back spasm" }],
    });
    const ids = found.map((g) => g.guideId);
    for (const never of [narrower.guideId, uncoded.guideId, variant.guideId, other.guideId])
      expect(ids).not.toContain(never);

    // Clinic B sees its own guide, never clinic A's.
    const forB = await act(b.clinician.id, b.clinic.id, findGuidesForConditions, [backSpasm]);
    expect(forB.map((g) => g.guideId)).toContain(other.guideId);
    expect(forB.map((g) => g.guideId)).not.toContain(exact.guideId);

    // SNOMED CT: the same concept.
    const bySnomed = await act(a.clinician.id, a.clinic.id, findGuidesForConditions, [
      { system: SNOMED_CT, code: "279039007" },
    ]);
    expect(bySnomed.filter((g) => g.title.endsWith(run)).map((g) => g.guideId)).toEqual([exact.guideId]);

    // The guide page says what the guide is suggested for.
    expect((await act(a.clinician.id, a.clinic.id, getGuide, exact.guideId)).codes).toHaveLength(2);
  });

  it("a patient without conditions, or with codes in other systems, gets [] and nothing breaks", async () => {
    const a = await createClinicWithMembers(db);
    expect(await act(a.clinician.id, a.clinic.id, findGuidesForConditions, [])).toEqual([]);
    expect(
      await act(a.clinician.id, a.clinic.id, findGuidesForConditions, [
        { system: "http://loinc.org", code: "1234-5" },
        { system: ICD10CM, code: "" },
      ]),
    ).toEqual([]);
  });

  it("only the latest version's codes count; re-importing with other codes is a new version", async () => {
    const a = await createClinicWithMembers(db);
    const title = `Lumbar Care ${unique()}`;
    const v1 = await act(a.admin.id, a.clinic.id, importClinicGuide, guideMd(title, ['"ICD-10-CM M54.50"']));
    const same = await act(a.admin.id, a.clinic.id, importClinicGuide, guideMd(title, ['"ICD-10-CM M54.50"']));
    expect(same).toMatchObject({ version: 1, unchanged: true });
    const v2 = await act(a.admin.id, a.clinic.id, importClinicGuide, guideMd(title, ['"ICD-10-CM M54.59"']));
    expect(v2).toMatchObject({ guideId: v1.guideId, version: 2, unchanged: false });
    const find = (code: string) =>
      act(a.clinician.id, a.clinic.id, findGuidesForConditions, [{ system: ICD10CM, code }]).then((r) =>
        r.map((g) => g.guideId),
      );
    expect(await find("M54.50")).not.toContain(v1.guideId);
    expect(await find("M54.59")).toContain(v1.guideId);
  });

  it("the shared library's coded guides are suggested to every clinic; a zip import carries codes too", async () => {
    const a = await createClinicWithMembers(db);
    const run = unique();
    const parsed = parseGuideMarkdown(guideMd(`Shared Back ${run}`, ['"ICD-10-CM M62.8"']));
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const shared = await importGuide(db, parsed.guide, { clinicId: null });
    const zipped = await act(
      a.admin.id,
      a.clinic.id,
      importGuideZip,
      zipSync({ "guide.md": strToU8(guideMd(`Zipped Back ${run}`, ['"SNOMED CT 203095000 Spasm of back muscles"'])) }),
      "back.zip",
    );
    const found = await act(a.clinician.id, a.clinic.id, findGuidesForConditions, [
      backSpasm,
      { system: "http://snomed.info/sct", code: "203095000" },
    ]);
    expect(found.filter((g) => g.title.endsWith(run)).map((g) => [g.guideId, g.how])).toEqual([
      [zipped.guideId, "code"],
      [shared.guideId, "ancestor"],
    ]);
  });

  it("the editor keeps the codes as lines, refuses a bad line with its number, and publishes them into the version", async () => {
    const a = await createClinicWithMembers(db);
    const title = `Edited Back ${unique()}`;
    const { id } = await act(a.admin.id, a.clinic.id, createGuideDraft);
    const content = {
      title,
      summary: "",
      source: "",
      reviewed: "",
      language: "en",
      level: "standard" as const,
      codes: "ICD-10-CM M62.830 Muscle spasm of back\nSNOMED 203095001 Typo",
      sections: [
        { title: "Rest", markdown: "Rest a little.", required: false, keepUnlocked: false },
        { title: "Disclaimer", markdown: "General advice.", required: false, keepUnlocked: false },
      ],
    };
    const bad = await act(a.admin.id, a.clinic.id, saveGuideDraft, { draftId: id, revision: 1, content });
    expect(bad.issues.fields.codes).toEqual([expect.stringMatching(/^Line 2: "203095001" .*check digit/)]);
    await expect(
      act(a.admin.id, a.clinic.id, publishGuideDraft, { draftId: id, revision: bad.revision }),
    ).rejects.toMatchObject({ fieldErrors: { codes: [expect.stringMatching(/^Line 2:/)] } });
    // The typed text is kept as it was, typo and all.
    expect((await act(a.admin.id, a.clinic.id, getGuideDraft, id)).content.codes).toBe(content.codes);

    const fixed = {
      ...content,
      codes: "ICD-10-CM M62.830 Muscle spasm of back\nSNOMED CT 203095000 Spasm of back muscles",
    };
    const good = await act(a.admin.id, a.clinic.id, saveGuideDraft, {
      draftId: id,
      revision: bad.revision,
      content: fixed,
    });
    expect(good.issues.fields).toEqual({});
    const v1 = await act(a.admin.id, a.clinic.id, publishGuideDraft, { draftId: id, revision: good.revision });
    expect((await act(a.clinician.id, a.clinic.id, getGuide, v1.guideId)).codes).toEqual([
      { system: ICD10CM, code: "M62.830", display: "Muscle spasm of back" },
      { system: SNOMED_CT, code: "203095000", display: "Spasm of back muscles" },
    ]);
    // Editing again starts from the published codes, as lines.
    const reopened = await act(a.admin.id, a.clinic.id, openGuideDraft, v1.guideId);
    expect((await act(a.admin.id, a.clinic.id, getGuideDraft, reopened.id)).content.codes).toBe(fixed.codes);
  });
});
