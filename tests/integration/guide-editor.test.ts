import { describe, expect, it } from "vitest";
import {
  addDraftImage,
  createGuideDraft,
  findGuideDrafts,
  discardGuideDraft,
  getGuideDraft,
  openGuideDraft,
  publishGuideDraft,
  saveGuideDraft,
} from "@/lib/guides/editor/drafts";
import { getGuide } from "@/lib/guides/library/queries";
import type { DraftContent } from "@/lib/guides/editor/draft-schemas";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import sharp from "sharp";
import { db, act } from "./helpers";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const section = (title: string, markdown: string) => ({ title, markdown, required: false, keepUnlocked: false });
const content = (title: string, warmUp = "Walk gently for five minutes."): DraftContent => ({
  title,
  summary: "Moving again after a sprain.",
  source: "Our physio team",
  reviewed: "2026-11-01",
  language: "en",
  level: "standard",
  codes: "",
  sections: [
    section("Warm Up", warmUp),
    section("Stretches", "- **Calf** stretch\n- Knee to chest (Smith, 2021)"),
    section("References", "- Smith, J. (2021). Stretching. https://example.org/s"),
    section("Disclaimer", "General advice, not a diagnosis."),
  ],
});

async function newDraft(userId: string, clinicId: string, c: DraftContent) {
  const { id } = await act(userId, clinicId, createGuideDraft);
  const saved = await act(userId, clinicId, saveGuideDraft, { draftId: id, revision: 1, content: c });
  return { id, revision: saved.revision, saved };
}

describe("guide editor", () => {
  it("an ADMIN writes a guide, publishes it, edits it into version 2; unchanged sections are not marked changed", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Ankle Sprain ${unique()}`;
    const draft = await newDraft(c.admin.id, c.clinic.id, content(title));
    expect(draft.saved.issues).toEqual({ fields: {}, sections: [[], [], [], []], general: [] });
    expect(draft.saved.grades.map((g) => g.title)).toEqual(["Warm Up", "Stretches", "References", "Disclaimer"]);
    const v1 = await act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId: draft.id, revision: draft.revision });
    expect(v1).toMatchObject({ version: 1, unchanged: false });
    expect(await db.guideDraft.count({ where: { id: draft.id } })).toBe(0);
    const g1 = await act(c.clinician.id, c.clinic.id, getGuide, v1.guideId);
    expect(g1.references).toHaveLength(1);
    expect(JSON.stringify(g1.sections[1]!.blocks)).toContain('"refKey"');

    // Editing starts from the published text, rebuilt as Markdown; the reader sees version 1 meanwhile.
    const { id } = await act(c.owner.id, c.clinic.id, openGuideDraft, v1.guideId);
    expect((await act(c.admin.id, c.clinic.id, openGuideDraft, v1.guideId)).id).toBe(id);
    const opened = await act(c.owner.id, c.clinic.id, getGuideDraft, id);
    expect(opened.content.sections[1]!.markdown).toBe("- **Calf** stretch\n- Knee to chest (Smith, 2021)");
    const edited = {
      ...opened.content,
      title: `${title} renamed`,
      sections: opened.content.sections.map((s, i) =>
        i === 0 ? { ...s, markdown: "Walk gently for ten minutes." } : s,
      ),
    };
    const saved = await act(c.owner.id, c.clinic.id, saveGuideDraft, {
      draftId: id,
      revision: opened.revision,
      content: edited,
    });
    const v2 = await act(c.owner.id, c.clinic.id, publishGuideDraft, { draftId: id, revision: saved.revision });
    expect(v2).toMatchObject({ guideId: v1.guideId, version: 2 });
    const g2 = await act(c.clinician.id, c.clinic.id, getGuide, v1.guideId);
    expect(g2.version.title).toBe(`${title} renamed`);
    expect(g2.sections.map((s) => [s.key, s.changed])).toEqual([
      ["warm-up", true],
      ["stretches", false],
      ["references", false],
      ["disclaimer", false],
    ]);
    expect(await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "guide.published" } })).toBe(2);
  });

  it("shows the importer's problems on the field and section they are about, and refuses to publish with them", async () => {
    const c = await createClinicWithMembers(db);
    const bad: DraftContent = {
      ...content(""),
      sections: [
        section("Warm Up", "Fine text.\n\n<b>bold</b>"),
        section("Steps", "## Not a section"),
        section("Disclaimer", "General advice."),
      ],
    };
    const draft = await newDraft(c.admin.id, c.clinic.id, bad);
    expect(draft.saved.issues.fields.title).toEqual(["Give the guide a title."]);
    expect(draft.saved.issues.sections[1]![0]).toMatch(/Line 1: use ###/);
    const fixedShape = {
      ...bad,
      title: `Bad ${unique()}`,
      sections: [bad.sections[0]!, section("Steps", "### Sub-heading\n\nText."), bad.sections[2]!],
    };
    const again = await act(c.admin.id, c.clinic.id, saveGuideDraft, {
      draftId: draft.id,
      revision: draft.revision,
      content: fixedShape,
    });
    expect(again.issues.sections[0]).toEqual([
      expect.stringMatching(/Raw HTML is not allowed \(line 3 of this section\)/),
    ]);
    await expect(
      act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId: draft.id, revision: again.revision }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { "section-0": [expect.stringMatching(/Raw HTML/)] } });
    expect(await db.guide.count({ where: { clinicId: c.clinic.id } })).toBe(0);
  });

  it("of two concurrent saves of one draft, one is saved and the other refused with a clear message", async () => {
    const c = await createClinicWithMembers(db);
    const draft = await newDraft(c.admin.id, c.clinic.id, content(`Knee ${unique()}`));
    const results = await Promise.allSettled([
      act(c.admin.id, c.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("Mine", "Admin's text."),
      }),
      act(c.owner.id, c.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("Theirs", "Owner's text."),
      }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/saved this draft at .* after you opened it, so your changes were not saved/),
    });
    const stored = await db.guideDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.revision).toBe(draft.revision + 1);
    // Publishing what you last saw is refused too once someone saved after it.
    await expect(
      act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId: draft.id, revision: draft.revision }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a stale save of your own, from another tab or window, says so instead of naming you as someone else", async () => {
    const c = await createClinicWithMembers(db);
    const draft = await newDraft(c.admin.id, c.clinic.id, content(`Hip ${unique()}`));
    // Tab 1 saves; tab 2, opened at the same revision, saves and publishes after it.
    await act(c.admin.id, c.clinic.id, saveGuideDraft, {
      draftId: draft.id,
      revision: draft.revision,
      content: content("Tab one", "First tab's text."),
    });
    const yours =
      /^You saved this draft in another tab or window at \d{1,2}:\d{2} [AP]M UTC, after this page opened it, so these changes were not saved\./;
    await expect(
      act(c.admin.id, c.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("Tab two", "Second tab's text."),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(yours) });
    await expect(
      act(c.admin.id, c.clinic.id, publishGuideDraft, { draftId: draft.id, revision: draft.revision }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(yours) });
    // Someone else's stale save names who saved.
    await expect(
      act(c.owner.id, c.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("Owner", "Owner's text."),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Adam Admin saved this draft at .*, after you opened it/),
    });
  });

  it("a clinician cannot reach the editor's operations, and clinic B cannot see or touch clinic A's drafts and pictures", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const draft = await newDraft(a.admin.id, a.clinic.id, content(`Hip ${unique()}`));
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const image = await act(a.admin.id, a.clinic.id, addDraftImage, draft.id, png, {
      name: "hip.png",
      type: "image/png",
    });
    const forbidden = { code: "FORBIDDEN" };
    expect((await act(a.owner.id, a.clinic.id, findGuideDrafts)).map((d) => d.id)).toEqual([draft.id]);
    expect(await act(b.owner.id, b.clinic.id, findGuideDrafts)).toEqual([]);
    await expect(act(a.clinician.id, a.clinic.id, findGuideDrafts)).rejects.toMatchObject(forbidden);
    await expect(act(a.clinician.id, a.clinic.id, createGuideDraft)).rejects.toMatchObject(forbidden);
    await expect(act(a.clinician.id, a.clinic.id, getGuideDraft, draft.id)).rejects.toMatchObject(forbidden);
    await expect(
      act(a.clinician.id, a.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("x"),
      }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      act(a.clinician.id, a.clinic.id, publishGuideDraft, { draftId: draft.id, revision: draft.revision }),
    ).rejects.toMatchObject(forbidden);
    await expect(act(a.clinician.id, a.clinic.id, discardGuideDraft, draft.id)).rejects.toMatchObject(forbidden);
    await expect(
      act(a.clinician.id, a.clinic.id, addDraftImage, draft.id, png, { name: "x.png" }),
    ).rejects.toMatchObject(forbidden);
    const missing = { code: "NOT_FOUND" };
    await expect(act(b.owner.id, b.clinic.id, getGuideDraft, draft.id)).rejects.toMatchObject(missing);
    await expect(
      act(b.owner.id, b.clinic.id, saveGuideDraft, {
        draftId: draft.id,
        revision: draft.revision,
        content: content("x"),
      }),
    ).rejects.toMatchObject(missing);
    await expect(
      act(b.owner.id, b.clinic.id, publishGuideDraft, { draftId: draft.id, revision: draft.revision }),
    ).rejects.toMatchObject(missing);
    await expect(act(b.owner.id, b.clinic.id, discardGuideDraft, draft.id)).rejects.toMatchObject(missing);
    await expect(act(b.owner.id, b.clinic.id, addDraftImage, draft.id, png, { name: "x.png" })).rejects.toMatchObject(
      missing,
    );
    await expect(act(b.owner.id, a.clinic.id, getGuideDraft, draft.id)).rejects.toMatchObject(missing);
    const { findGuideImage } = await import("@/lib/guides/library/images");
    expect(await findGuideImage(b.clinic.id, image.id, { includeDrafts: true })).toBeNull();
    expect(await findGuideImage(a.clinic.id, image.id, { includeDrafts: false })).toBeNull();
    expect(await findGuideImage(a.clinic.id, image.id, { includeDrafts: true })).not.toBeNull();
    expect(await db.guideImage.count({ where: { clinicId: a.clinic.id } })).toBe(1);
    // Discarding drops the draft and the pictures only it had.
    await act(a.owner.id, a.clinic.id, discardGuideDraft, draft.id);
    expect(await db.guideImage.count({ where: { clinicId: a.clinic.id } })).toBe(0);
  });
});
