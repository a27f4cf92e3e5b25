import { describe, expect, it } from "vitest";
import { importGuide } from "@/lib/guides/import/store";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { findLibrary } from "@/lib/guides/library/queries";
import { findGuidesDueForReview, getReviewInfo, markGuideReviewed } from "@/lib/guides/library/review-dates";
import { reviewStatus } from "@/lib/guides/library/review-status";
import { updateBranding, getBranding } from "@/lib/clinics/branding";
import { openGuideDraft, getGuideDraft, publishGuideDraft, saveGuideDraft } from "@/lib/guides/editor/drafts";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const day = (d: Date) => d.toISOString().slice(0, 10);
// Months counted as Postgres counts them (`date + interval '1 month'` stays in the target month: Jan 31 + 1
// month is Feb 28), not as JavaScript's setUTCMonth does (Mar 3), so the test holds on the 29th-31st too.
const addMonths = (from: Date, months: number) => {
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(from.getUTCFullYear(), month, Math.min(from.getUTCDate(), lastDay)));
};
const monthsAgo = (months: number, plusDays = 0) => {
  const d = addMonths(new Date(), -months);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return day(d);
};
async function guideReviewed(clinicId: string, reviewed: string) {
  const parsed = parseGuideMarkdown(
    `---\nreviewed: ${reviewed}\n---\n# Review ${reviewed} ${Math.random()}\n\n## Advice\n\nRest.\n\n## Disclaimer\n\nGeneral advice.\n`,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join(" "));
  return importGuide(db, parsed.guide, { clinicId });
}

describe("guide review dates", () => {
  it("the test's month arithmetic is Postgres's, on the days where JavaScript's differs", async () => {
    for (const [from, months] of [
      ["2024-01-31", 1],
      ["2024-02-29", 24],
      ["2025-03-31", -1],
      ["2024-12-31", -10],
      ["2023-05-30", 9],
    ] as const) {
      const [row] = await db.$queryRaw<
        { d: Date }[]
      >`SELECT (${from}::date + make_interval(months => ${months}::int))::date AS d`;
      expect(day(addMonths(new Date(`${from}T12:00:00Z`), months)), `${from} + ${months} months`).toBe(day(row!.d));
    }
  });

  it("counts 24 months from the last review: badges in the library, the managers' list, Mark as reviewed and the clinic's cycle", async () => {
    const c = await createClinicWithMembers(db);
    const overdue = await guideReviewed(c.clinic.id, monthsAgo(25));
    const due = await guideReviewed(c.clinic.id, monthsAgo(24, 10));
    const current = await guideReviewed(c.clinic.id, monthsAgo(3));
    const library = (await act(c.clinician.id, c.clinic.id, findLibrary)).guides.filter((g) => !g.shared);
    const status = (id: string) => reviewStatus(library.find((g) => g.id === id)!.reviewBy);
    expect([status(overdue.guideId), status(due.guideId), status(current.guideId)]).toEqual(["overdue", "due", null]);
    expect((await act(c.admin.id, c.clinic.id, findGuidesDueForReview)).map((g) => g.id)).toEqual([
      overdue.guideId,
      due.guideId,
    ]);
    await expect(act(c.clinician.id, c.clinic.id, findGuidesDueForReview)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(act(c.clinician.id, c.clinic.id, markGuideReviewed, overdue.guideId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await createClinicWithMembers(db);
    await expect(act(other.owner.id, other.clinic.id, markGuideReviewed, overdue.guideId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await act(c.admin.id, c.clinic.id, markGuideReviewed, overdue.guideId);
    const info = await act(c.clinician.id, c.clinic.id, getReviewInfo, overdue.guideId);
    expect(day(info.reviewBy)).toBe(monthsAgo(-24));
    expect(info.lastReviewedBy).toBe(c.admin.name);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { clinicId: c.clinic.id, action: "guide.reviewed" } });
    expect(audit).toMatchObject({ actorId: c.admin.id, targetId: overdue.guideId });
    expect((await act(c.admin.id, c.clinic.id, findGuidesDueForReview)).map((g) => g.id)).toEqual([due.guideId]);

    // A 36-month cycle: nothing is due any more.
    const settings = (await act(c.owner.id, c.clinic.id, getBranding)).clinic;
    await act(c.owner.id, c.clinic.id, updateBranding, {
      ...settings,
      phone: settings.phone ?? "",
      email: settings.email ?? "",
      address: settings.address ?? "",
      website: settings.website ?? "",
      hours: settings.hours ?? "",
      extraDisclaimer: settings.extraDisclaimer ?? "",
      defaultLanguage: undefined,
      defaultLevel: undefined,
      reviewMonths: 36,
    });
    expect(await act(c.admin.id, c.clinic.id, findGuidesDueForReview)).toEqual([]);
  });

  it("publishing a new version from the editor moves the date", async () => {
    const c = await createClinicWithMembers(db);
    const old = await guideReviewed(c.clinic.id, monthsAgo(30));
    const { id } = await act(c.admin.id, c.clinic.id, openGuideDraft, old.guideId);
    const draft = await act(c.admin.id, c.clinic.id, getGuideDraft, id);
    const saved = await act(c.admin.id, c.clinic.id, saveGuideDraft, {
      draftId: id,
      revision: draft.revision,
      content: {
        ...draft.content,
        sections: draft.content.sections.map((s, i) => (i === 0 ? { ...s, markdown: "Rest and walk." } : s)),
      },
    });
    await act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId: id, revision: saved.revision });
    expect(day((await act(c.admin.id, c.clinic.id, getReviewInfo, old.guideId)).reviewBy)).toBe(monthsAgo(-24));
  });
});
