import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/templates/mutations";
import { findTemplates, getTemplate } from "@/lib/templates/queries";
import { createHandout } from "@/lib/printing/generate";
import { builderFromGuide, builderFromTemplate } from "@/lib/handout-drafts/builder-data";
import { makeAndEmail } from "@/lib/printing/make-and-email";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act } from "./helpers";

const guideMd = (title: string, warmUp: string) =>
  `# ${title}\n\n## Warm Up\n\n${warmUp}\n\n## Stretches\n\n- Knee to chest\n\n## Cool Down\n\nBreathe slowly.\n\n## Disclaimer\n\nGeneral advice only.\n`;
const parsed = (md: string) => {
  const r = parseGuideMarkdown(md);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.guide;
};

describe("templates", () => {
  it("keeps the patient-link choice: off stays off (no link, no link-only email), unset follows the clinic's default", async () => {
    const c = await createClinicWithMembers(db);
    const v = await importGuide(db, parsed(guideMd(`Link Plan ${Date.now()}`, "Walk.")), { clinicId: c.clinic.id });
    const base = { guideVersionId: v.versionId, sectionKeys: ["warm-up"], notes: "", largePrint: false };
    const off = await act(c.clinician.id, c.clinic.id, createTemplate, {
      ...base,
      templateName: "No link",
      patientLink: false,
    });
    const unset = await act(c.clinician.id, c.clinic.id, createTemplate, { ...base, templateName: "Clinic default" });
    expect((await act(c.clinician.id, c.clinic.id, builderFromTemplate, off.id)).initial.patientLink).toBe(false);
    expect((await act(c.clinician.id, c.clinic.id, builderFromTemplate, unset.id)).initial.patientLink).toBe(true);
    await db.clinic.update({ where: { id: c.clinic.id }, data: { linksByDefault: false } });
    expect((await act(c.clinician.id, c.clinic.id, builderFromTemplate, unset.id)).initial.patientLink).toBe(false);
    await db.clinic.update({ where: { id: c.clinic.id }, data: { linksByDefault: true } });
    // "Make and email" from the no-link template: the link-only email is refused, the attached PDF is not.
    const key = () => crypto.randomUUID().replace(/-/g, "");
    await expect(
      act(c.clinician.id, c.clinic.id, makeAndEmail, {
        templateId: off.id,
        recipient: "pat@example.com",
        requestKey: key(),
        mode: "LINK",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const made = await act(c.clinician.id, c.clinic.id, makeAndEmail, {
      templateId: off.id,
      recipient: "pat@example.com",
      requestKey: key(),
      mode: "ATTACHMENT",
    });
    expect(await db.patientLink.count({ where: { handoutId: made.handoutId } })).toBe(0);
    // Editing the template turns it on.
    await act(c.clinician.id, c.clinic.id, updateTemplate, {
      ...base,
      templateId: off.id,
      templateName: "Now with link",
      patientLink: true,
    });
    expect((await act(c.clinician.id, c.clinic.id, builderFromTemplate, off.id)).initial.patientLink).toBe(true);
  }, 60_000);

  it("a member saves one; using it makes the same choices on the newest guide text, counts the use, and survives deletion", async () => {
    const c = await createClinicWithMembers(db);
    const title = `Hip Plan ${Date.now()}`;
    const v1 = await importGuide(db, parsed(guideMd(title, "Walk for five minutes.")), { clinicId: c.clinic.id });
    const t = await act(c.clinician.id, c.clinic.id, createTemplate, {
      templateName: "Hip starter",
      guideVersionId: v1.versionId,
      sectionKeys: ["stretches", "warm-up"],
      notes: "Twice a day.",
      largePrint: true,
    });

    // The guide changes: Warm Up is rewritten, Stretches is removed.
    await importGuide(
      db,
      parsed(
        `# ${title}\n\n## Warm Up\n\nWalk for ten minutes.\n\n## Cool Down\n\nBreathe slowly.\n\n## Disclaimer\n\nGeneral advice only.\n`,
      ),
      { clinicId: c.clinic.id },
    );
    const [listed] = await act(c.clinician.id, c.clinic.id, findTemplates);
    expect(listed!.stale.map((s) => [s.title, s.removed]).sort()).toEqual([
      ["Stretches", true],
      ["Warm Up", false],
    ]);

    const start = await act(c.clinician.id, c.clinic.id, builderFromTemplate, t.id);
    expect(start.guide.version).toBe(2);
    expect(start.initial).toMatchObject({
      sectionKeys: ["warm-up"],
      notes: "Twice a day.",
      largePrint: true,
      templateId: t.id,
    });
    expect(start.notices.join(" ")).toMatch(/1 section was removed/);

    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      ...start.initial,
      guideVersionId: start.guide.versionId,
      title: start.initial.title,
    });
    expect(await act(c.clinician.id, c.clinic.id, getTemplate, t.id)).toMatchObject({
      timesUsed: 1,
      lastUsedAt: expect.any(Date),
    });
    await act(c.clinician.id, c.clinic.id, deleteTemplate, t.id);
    expect(await db.handout.findUniqueOrThrow({ where: { id } })).toMatchObject({
      templateId: t.id,
      templateName: "Hip starter",
    });
    const actions = (await db.auditEvent.findMany({ where: { targetId: t.id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["template.created", "template.deleted"]);
  }, 60_000);

  it("a clinician cannot edit or delete another member's template; owners and admins can", async () => {
    const c = await createClinicWithMembers(db);
    const g = await importGuide(db, parsed(guideMd(`Knee ${Date.now()}`, "Walk.")), { clinicId: c.clinic.id });
    const t = await act(c.owner.id, c.clinic.id, createTemplate, {
      templateName: "Owner's",
      guideVersionId: g.versionId,
      sectionKeys: ["warm-up"],
      notes: "",
      largePrint: false,
    });
    await expect(
      act(c.clinician.id, c.clinic.id, updateTemplate, {
        templateName: "Mine now",
        guideVersionId: g.versionId,
        sectionKeys: ["warm-up"],
        notes: "",
        largePrint: false,
        templateId: t.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(act(c.clinician.id, c.clinic.id, deleteTemplate, t.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await act(c.clinician.id, c.clinic.id, createTemplate, {
      templateName: "Clinician's",
      guideVersionId: g.versionId,
      sectionKeys: ["warm-up"],
      notes: "",
      largePrint: false,
    });
    await act(c.admin.id, c.clinic.id, updateTemplate, {
      templateName: "Renamed by admin",
      guideVersionId: g.versionId,
      sectionKeys: ["warm-up"],
      notes: "x",
      largePrint: false,
      templateId: mine.id,
    });
    expect((await act(c.clinician.id, c.clinic.id, getTemplate, mine.id)).name).toBe("Renamed by admin");
    expect((await act(c.owner.id, c.clinic.id, getTemplate, t.id)).name).toBe("Owner's");
  });

  it("clinic B sees none of clinic A's templates", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const md = fs.readFileSync("prisma/seed/guides/back-spasms.md");
    const g = await importGuide(db, parsed(md.toString()), { clinicId: null });
    const t = await act(a.clinician.id, a.clinic.id, createTemplate, {
      templateName: "A only",
      guideVersionId: g.versionId,
      sectionKeys: ["symptoms"],
      notes: "",
      largePrint: false,
    });
    expect(await act(b.owner.id, b.clinic.id, findTemplates)).toEqual([]);
    await expect(act(b.owner.id, a.clinic.id, findTemplates)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, b.clinic.id, getTemplate, t.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, b.clinic.id, builderFromTemplate, t.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, b.clinic.id, deleteTemplate, t.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A clinic's guide cannot be used for another clinic's template.
    const own = await importGuide(db, parsed(guideMd(`Private ${Date.now()}`, "x")), { clinicId: a.clinic.id });
    await expect(
      act(b.owner.id, b.clinic.id, createTemplate, {
        templateName: "steal",
        guideVersionId: own.versionId,
        sectionKeys: ["warm-up"],
        notes: "",
        largePrint: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps everything but the patient: sections and order, notes, large print and the contact edits, which come back in the builder", async () => {
    const c = await createClinicWithMembers(db);
    const g = await importGuide(db, parsed(guideMd(`Shoulder ${Date.now()}`, "Circle your arms.")), {
      clinicId: c.clinic.id,
    });
    const defaults = (await act(c.clinician.id, c.clinic.id, builderFromGuide, g.guideId)).initial.contact;
    const contact = { ...defaults, directPhone: "(555) 010-7777", hours: "Mon–Wed 9–5" };
    const t = await act(c.clinician.id, c.clinic.id, createTemplate, {
      templateName: "Shoulder week 1",
      guideVersionId: g.versionId,
      sectionKeys: ["cool-down", "warm-up"],
      notes: "Twice daily.",
      largePrint: true,
      contact,
    });
    const stored = await db.template.findUniqueOrThrow({ where: { id: t.id } });
    // Only what the clinician changed is kept, so a later change of the clinic's phone still applies.
    expect(stored.contactOverrides).toEqual({ directPhone: "(555) 010-7777", hours: "Mon–Wed 9–5" });
    await db.clinic.update({ where: { id: c.clinic.id }, data: { phone: "(555) 010-1111" } });
    const start = await act(c.clinician.id, c.clinic.id, builderFromTemplate, t.id);
    expect(start.initial).toMatchObject({
      title: "Shoulder week 1",
      sectionKeys: ["cool-down", "warm-up"],
      notes: "Twice daily.",
      largePrint: true,
      preparedFor: "",
      followUpDate: "",
    });
    expect(start.initial.contact).toMatchObject({
      directPhone: "(555) 010-7777",
      hours: "Mon–Wed 9–5",
      phone: "(555) 010-1111",
    });
    // The template page edits all of it, sections included.
    await act(c.clinician.id, c.clinic.id, updateTemplate, {
      templateId: t.id,
      templateName: "Shoulder week 2",
      guideVersionId: g.versionId,
      sectionKeys: ["stretches"],
      notes: "Once daily.",
      largePrint: false,
      contact: defaults,
    });
    expect(await db.template.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      name: "Shoulder week 2",
      sectionKeys: ["stretches"],
      notes: "Once daily.",
      largePrint: false,
      contactOverrides: {},
    });
  });
});
