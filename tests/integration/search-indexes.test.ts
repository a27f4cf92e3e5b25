import { describe, expect, it } from "vitest";
import { findHandouts } from "@/lib/handouts/queries";
import { findLibrary } from "@/lib/guides/library/queries";
import { createClinicWithMembers, createGuideVersion } from "@/prisma/seed/factories";
import { act, db } from "./helpers";

async function handouts(
  clinicId: string,
  authorId: string,
  rows: { title: string; preparedFor?: string; createdAt: Date }[],
) {
  const { versionId } = await createGuideVersion(db, clinicId);
  await db.handout.createMany({
    data: rows.map((r) => ({
      clinicId,
      authorId,
      guideVersionId: versionId,
      title: r.title,
      preparedFor: r.preparedFor ?? null,
      notes: "",
      sectionKeys: ["basics"],
      contact: {},
      options: {},
      branding: {},
      createdAt: r.createdAt,
    })),
  });
}

const at = (ms: number) => new Date(Date.UTC(2026, 5, 1) + ms);

describe("search on the trigram and stored-tsvector indexes", () => {
  it("finds a handout by any part of its title or patient label, any case, in this clinic only", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    await handouts(a.clinic.id, a.owner.id, [
      { title: "Plantar fasciitis: exercises", preparedFor: "Jo", createdAt: at(1) },
      { title: "Knee pain after running", preparedFor: "Diana", createdAt: at(2) },
      { title: "Ankle sprain", createdAt: at(3) },
    ]);
    await handouts(b.clinic.id, b.owner.id, [{ title: "Fasciitis for B", preparedFor: "Diana", createdAt: at(4) }]);
    const titles = async (q: string) =>
      (await act(a.owner.id, a.clinic.id, findHandouts, { q })).handouts.map((h) => h.title);
    expect(await titles("FASCI")).toEqual(["Plantar fasciitis: exercises"]);
    expect(await titles("ana")).toEqual(["Knee pain after running"]);
    expect(await titles("in")).toEqual(["Ankle sprain", "Knee pain after running"]);
    expect(await titles("zz")).toEqual([]);
    // Each search is on the record as access to patient labels, with how many it found (not the words).
    const audits = await db.auditEvent.findMany({
      where: { clinicId: a.clinic.id, action: "handout.searched" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(audits.map((e) => (e.metadata as { results: number }).results)).toEqual([1, 1, 2, 0]);
    // The index the search relies on applies to Prisma's `contains` (ILIKE '%q%').
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT "id" FROM "Handout" WHERE "title" ILIKE '%fasci%'`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Handout_clinicId_title_trgm_idx");
  });

  it("library search finds words in section text through the stored tsvector, title matches first, this clinic only", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const guide = (clinicId: string, title: string, text: string) =>
      db.guide.create({
        data: {
          clinicId,
          key: `g-${crypto.randomUUID()}`,
          versions: {
            create: {
              version: 1,
              title,
              grade: 6,
              words: 8,
              sections: {
                create: [
                  {
                    key: "basics",
                    title: "Basics",
                    position: 0,
                    kind: "content",
                    blocks: [],
                    citedRefKeys: [],
                    plainText: text,
                    grade: 3,
                    words: 6,
                    contentHash: "t",
                  },
                ],
              },
            },
          },
        },
      });
    await guide(a.clinic.id, "Forefoot pain", "Sesamoiditis is an irritation under the big toe.");
    await guide(a.clinic.id, "Sesamoiditis", "Rest the foot.");
    await guide(a.clinic.id, "Knee basics", "Nothing about toes here.");
    await guide(b.clinic.id, "Sesamoiditis in clinic B", "Sesamoiditis again.");
    const found = await act(a.owner.id, a.clinic.id, findLibrary, { q: "sesamoiditis" });
    expect(found.guides.map((g) => g.title)).toEqual(["Sesamoiditis", "Forefoot pain"]);
    expect((await act(a.owner.id, a.clinic.id, findLibrary, { q: "irritations" })).guides.map((g) => g.title)).toEqual([
      "Forefoot pain",
    ]);
  });
});
