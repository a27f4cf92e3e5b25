import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGuideMarkdown, type ParsedGuide } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { findLibrary, getGuide } from "@/lib/guides/library/queries";
import { importClinicGuide } from "@/lib/guides/import/mutations";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const parse = (md: string): ParsedGuide => {
  const r = parseGuideMarkdown(md);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.guide;
};

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const guideMd = (title: string, extra = "") => `# ${title}

## Warm Up

Start with gentle walking for five minutes.${extra}

## Stretches

- Knee to chest
- Cat and cow

## Disclaimer

This sheet is general advice, not a diagnosis.
`;

describe("guide library", () => {
  it("re-importing a changed guide makes version 2 with the same section keys and marks what changed", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Hip Care ${unique()}`;
    const v1 = await importGuide(db, parse(guideMd(title)), { clinicId: c.clinic.id });
    const v2 = await importGuide(db, parse(guideMd(title, " Then march on the spot.")), { clinicId: c.clinic.id });
    expect(v1.version).toBe(1);
    expect(v2).toMatchObject({ guideId: v1.guideId, version: 2, unchanged: false });
    expect(v2.sections.map((s) => s.key)).toEqual(v1.sections.map((s) => s.key));
    const sections = await db.section.findMany({ where: { versionId: v2.versionId }, orderBy: { position: "asc" } });
    expect(sections.map((s) => [s.key, s.changed])).toEqual([
      ["warm-up", true],
      ["stretches", false],
      ["disclaimer", false],
    ]);
    // The same text again stores nothing new.
    const again = await importGuide(db, parse(guideMd(title, " Then march on the spot.")), { clinicId: c.clinic.id });
    expect(again).toMatchObject({ version: 2, unchanged: true });
    expect(await db.guideVersion.count({ where: { guideId: v1.guideId } })).toBe(2);
    // Published versions are immutable.
    await expect(db.guideVersion.update({ where: { id: v1.versionId }, data: { title: "changed" } })).rejects.toThrow(
      /immutable/,
    );
  });

  it("clinic B cannot see clinic A's guides; both see the shared library", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const word = `zygo${unique()}`;
    const own = await importGuide(db, parse(guideMd(`Private Guide ${word}`)), { clinicId: a.clinic.id });
    const shared = await importGuide(db, parse(guideMd(`Shared Guide ${word}`)), { clinicId: null });
    const libA = await act(a.clinician.id, a.clinic.id, findLibrary, { q: word });
    const libB = await act(b.clinician.id, b.clinic.id, findLibrary, { q: word });
    expect(libA.guides.map((g) => g.id).sort()).toEqual([own.guideId, shared.guideId].sort());
    expect(libB.guides.map((g) => g.id)).toEqual([shared.guideId]);
    await expect(act(b.clinician.id, b.clinic.id, getGuide, own.guideId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.clinician.id, a.clinic.id, getGuide, own.guideId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await act(b.clinician.id, b.clinic.id, getGuide, shared.guideId)).version.title).toContain("Shared Guide");
  });

  it("search finds a guide by a word only in a section body, and ranks a title match first", async () => {
    const c = await createClinicWithMembers(db);
    const word = `quokka${unique()}`;
    const body = await importGuide(
      db,
      parse(guideMd(`Ankle Sprains ${unique()}`, ` Ask about the ${word} exercise.`)),
      { clinicId: c.clinic.id },
    );
    const titled = await importGuide(db, parse(guideMd(`The ${word} Guide`)), { clinicId: c.clinic.id });
    const found = await act(c.clinician.id, c.clinic.id, findLibrary, { q: word });
    expect(found.guides.map((g) => g.id)).toEqual([titled.guideId, body.guideId]);
    expect((await act(c.clinician.id, c.clinic.id, findLibrary, { q: `nomatch${unique()}` })).guides).toEqual([]);
  });

  it("clinicians cannot import; a bad guide stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    await expect(act(c.clinician.id, c.clinic.id, importClinicGuide, guideMd(`X ${unique()}`))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const before = await db.guide.count({ where: { clinicId: c.clinic.id } });
    await expect(
      act(c.owner.id, c.clinic.id, importClinicGuide, "# T\n\n## A\n\nx\n\n## A\n\ny\n"),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.guide.count({ where: { clinicId: c.clinic.id } })).toBe(before);
    const ok = await act(c.admin.id, c.clinic.id, importClinicGuide, guideMd(`Knee Care ${unique()}`));
    expect(
      await db.auditEvent.findFirst({
        where: { clinicId: c.clinic.id, action: "guide.imported", targetId: ok.guideId },
      }),
    ).not.toBeNull();
  });

  it("the seed guide imports as a shared library guide with its 8 sections", async () => {
    const parsed = parse(fs.readFileSync("prisma/seed/guides/back-spasms.md", "utf8"));
    const r = await importGuide(db, parsed, { clinicId: null });
    const c = await createClinicWithMembers(db);
    const g = await act(c.clinician.id, c.clinic.id, getGuide, r.guideId);
    expect(g.sections.map((s) => s.title)).toEqual([
      "What Is a Back Spasm",
      "Symptoms",
      "Causes",
      "Risk Factors",
      "Treatment",
      "Prevention",
      "References",
      "Disclaimer",
    ]);
    expect(g.references).toHaveLength(4);
  });
});

describe("warning-sign sections at import", () => {
  it("are locked unless the importer unticks them in the preview; the decision is stored with the version", async () => {
    const c = await createClinicWithMembers(db);
    const md = (n: number) =>
      `# Ankle Sprain ${n}\n\n## Rest\n\nKeep weight off it.\n\n## Warning Signs — Call Right Away\n\nCall 911 if your foot turns cold or blue.\n\n## Ice Tips\n\nIf it gets worse, go to the emergency department.\n\n## Disclaimer\n\nGeneral advice.\n`;
    const first = await act(c.owner.id, c.clinic.id, importClinicGuide, md(Date.now()), { keepUnlocked: ["ice-tips"] });
    const sections = await db.section.findMany({
      where: { versionId: first.versionId },
      orderBy: { position: "asc" },
      select: { key: true, required: true, lockReason: true, redFlag: true },
    });
    expect(sections).toEqual([
      { key: "rest", required: false, lockReason: null, redFlag: false },
      { key: "warning-signs-call-right-away", required: true, lockReason: "red-flag", redFlag: true },
      { key: "ice-tips", required: false, lockReason: null, redFlag: true },
      { key: "disclaimer", required: true, lockReason: "disclaimer", redFlag: false },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { clinicId: c.clinic.id, action: "guide.imported" } });
    expect(audit.metadata).toMatchObject({ unlockedWarningSections: ["ice-tips"] });
  });
});
