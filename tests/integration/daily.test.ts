import { describe, expect, it } from "vitest";
import { createTemplate } from "@/lib/templates/mutations";
import { makeAndEmail } from "@/lib/printing/make-and-email";
import { voidHandout } from "@/lib/handouts/mutations";
import { createHandout } from "@/lib/printing/generate";
import { requestDelivery } from "@/lib/deliveries/mutations";
import { discardDraft, purgeOldDrafts, saveDraft } from "@/lib/handout-drafts/mutations";
import { findDrafts, getDraft } from "@/lib/handout-drafts/queries";
import { draftStateSchema } from "@/lib/handout-drafts/schemas";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { createClinicWithMembers, addMember, createUser } from "@/prisma/seed/factories";
import { act, db, importSeedGuide } from "./helpers";

const key = () => crypto.randomUUID().replace(/-/g, "");

describe("the daily job", () => {
  it("'Make and email' is one idempotent request: a double click makes one handout and one email", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const t = await act(c.clinician.id, c.clinic.id, createTemplate, {
      templateName: "Usual back handout",
      guideVersionId: guide.versionId,
      sectionKeys: ["symptoms", "treatment"],
      notes: "Walk daily.",
      largePrint: false,
    });
    const input = { templateId: t.id, recipient: "pat@example.com", requestKey: key(), mode: "LINK" as const };
    const [a, b] = await Promise.all([
      act(c.clinician.id, c.clinic.id, makeAndEmail, input),
      act(c.clinician.id, c.clinic.id, makeAndEmail, input),
    ]);
    expect(a).toEqual(b);
    expect(await db.handout.count({ where: { clinicId: c.clinic.id } })).toBe(1);
    expect(
      await db.delivery.findMany({ where: { clinicId: c.clinic.id }, select: { mode: true, message: true } }),
    ).toEqual([{ mode: "LINK", message: null }]);
    // The losing request's link was never stored: one handout, one link.
    expect(await db.patientLink.count({ where: { clinicId: c.clinic.id } })).toBe(1);
    const again = await act(c.clinician.id, c.clinic.id, makeAndEmail, input);
    expect(again).toEqual(a);
    const handout = await db.handout.findUniqueOrThrow({ where: { id: a.handoutId } });
    expect(handout).toMatchObject({
      title: "Usual back handout",
      templateName: "Usual back handout",
      sectionKeys: ["symptoms", "treatment", "disclaimer"],
    });
    expect(await db.template.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ timesUsed: 1 });
  }, 60_000);

  it("a voided handout stays stored, cannot be emailed (even by a direct call), and only its author or a manager can void it", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const other = await createUser(db);
    await addMember(db, other.id, c.clinic.id, "CLINICIAN");
    const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guide.guideId);
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      ...start.initial,
      guideVersionId: start.guide.versionId,
      preparedFor: "Jo",
    });
    const queued = await act(c.clinician.id, c.clinic.id, requestDelivery, {
      handoutId: id,
      recipient: "jo@example.com",
      message: "",
      consent: "yes",
      idempotencyKey: key(),
    });
    await expect(act(other.id, c.clinic.id, voidHandout, id, "not mine")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await act(c.clinician.id, c.clinic.id, voidHandout, id, "Made for the wrong patient");
    await expect(act(c.admin.id, c.clinic.id, voidHandout, id, "again")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      act(c.clinician.id, c.clinic.id, requestDelivery, {
        handoutId: id,
        recipient: "jo@example.com",
        message: "",
        consent: "yes",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/voided/),
    });
    // The email that was still waiting is not sent.
    expect(await db.delivery.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringMatching(/voided/),
    });
    expect(await db.handout.findUniqueOrThrow({ where: { id } })).toMatchObject({ preparedFor: "Jo" });
    await expect(db.handoutVoid.delete({ where: { handoutId: id } })).rejects.toThrow(/permanent record/);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "handout.voided" } })).toBe(1);
  }, 60_000);

  it("drafts belong to their author in their clinic: invisible to other members and other clinics, and purged after 7 days", async () => {
    const guide = await importSeedGuide();
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    await addMember(db, a.clinician.id, b.clinic.id, "CLINICIAN");
    const state = draftStateSchema.parse({
      guideVersionId: guide.versionId,
      title: "For Jo",
      notes: "Ice twice a day",
      preparedFor: "Jo",
      order: [{ key: "symptoms", picked: true }],
    });
    const saved = await act(a.clinician.id, a.clinic.id, saveDraft, state);
    if (!("saved" in saved)) throw new Error("not saved");
    const { id } = saved.saved;
    expect((await act(a.clinician.id, a.clinic.id, getDraft, id)).state).toMatchObject({
      notes: "Ice twice a day",
      preparedFor: "Jo",
    });
    // Another member of the clinic, and the same member in another clinic, neither see nor change it.
    await expect(act(a.owner.id, a.clinic.id, getDraft, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await act(a.owner.id, a.clinic.id, findDrafts)).toEqual([]);
    await expect(act(a.clinician.id, b.clinic.id, getDraft, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await act(a.clinician.id, b.clinic.id, findDrafts)).toEqual([]);
    // Someone else's draft id is as good as none: nothing is changed, nothing is created.
    expect(
      await act(
        a.owner.id,
        a.clinic.id,
        saveDraft,
        { ...state, notes: "overwritten" },
        { draftId: id, revision: 1, force: true },
      ),
    ).toEqual({ gone: { handout: null } });
    expect((await act(a.clinician.id, a.clinic.id, getDraft, id)).state.notes).toBe("Ice twice a day");
    await expect(act(a.owner.id, a.clinic.id, discardDraft, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, b.clinic.id, discardDraft, id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db.handoutDraft.update({ where: { id }, data: { updatedAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await purgeOldDrafts()).toBeGreaterThanOrEqual(1);
    expect(await db.handoutDraft.findUnique({ where: { id } })).toBeNull();
  }, 60_000);

  it("a draft is deleted when its handout is generated, and becomes that handout everywhere: a late save, a second tab's Generate", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guide.guideId);
    const state = draftStateSchema.parse({ guideVersionId: guide.versionId, title: "x" });
    const saved = await act(c.clinician.id, c.clinic.id, saveDraft, state);
    if (!("saved" in saved)) throw new Error("not saved");
    const draftId = saved.saved.id;
    const form = { ...start.initial, title: "Knee, for Jo", guideVersionId: start.guide.versionId, draftId };
    const made = await act(c.clinician.id, c.clinic.id, createHandout, form);
    expect(await db.handoutDraft.findUnique({ where: { id: draftId } })).toBeNull();
    // A save that arrives after Generate does not bring the draft back; it learns what the draft became.
    expect(await act(c.clinician.id, c.clinic.id, saveDraft, state, { draftId, revision: 1 })).toMatchObject({
      gone: { handout: { id: made.id, title: "Knee, for Jo" } },
    });
    expect(await db.handoutDraft.count({ where: { clinicId: c.clinic.id } })).toBe(0);
    // Generate again from the same draft (a second tab, or Back): refused, nothing stored.
    await expect(act(c.clinician.id, c.clinic.id, createHandout, form)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already made into the handout “Knee, for Jo”/),
    });
    expect(await db.handout.count({ where: { clinicId: c.clinic.id } })).toBe(1);
  }, 60_000);

  it("two tabs on one draft: a save from the tab that fell behind is refused with when the other saved, unless it keeps its own version", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const state = (notes: string) => draftStateSchema.parse({ guideVersionId: guide.versionId, title: "x", notes });
    const first = await act(c.clinician.id, c.clinic.id, saveDraft, state("one"));
    if (!("saved" in first)) throw new Error("not saved");
    const draftId = first.saved.id;
    // Tab A saves at revision 1 (now 2); tab B, still at 1, is refused and nothing of it is stored.
    expect(await act(c.clinician.id, c.clinic.id, saveDraft, state("tab A"), { draftId, revision: 1 })).toMatchObject({
      saved: { revision: 2 },
    });
    const stale = await act(c.clinician.id, c.clinic.id, saveDraft, state("tab B"), { draftId, revision: 1 });
    expect(stale).toMatchObject({ stale: { revision: 2, savedAt: expect.any(Date) } });
    expect((await act(c.clinician.id, c.clinic.id, getDraft, draftId)).state.notes).toBe("tab A");
    // "Keep this tab's version".
    expect(
      await act(c.clinician.id, c.clinic.id, saveDraft, state("tab B"), { draftId, revision: 1, force: true }),
    ).toMatchObject({ saved: { revision: 3 } });
    expect((await act(c.clinician.id, c.clinic.id, getDraft, draftId)).state.notes).toBe("tab B");
  }, 60_000);
});
