import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { createHandout } from "@/lib/printing/generate";
import { findHandouts, getHandout, getHandoutPdfForDownload } from "@/lib/handouts/queries";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db, act, importSeedGuide } from "./helpers";
import { pdftotext } from "../support/pdf-tools";

const draft = (versionId: string, over: Partial<HandoutDraft> = {}): HandoutDraft => ({
  guideVersionId: versionId,
  title: "Back spasms: what helps",
  sectionKeys: ["prevention", "symptoms"],
  notes: "Walk daily.",
  preparedFor: "Jo",
  followUpDate: "",
  largePrint: false,
  contact: {
    clinicName: "Test Clinic",
    phone: "(555) 010-0000",
    email: "",
    address: "",
    website: "",
    hours: "",
    clinicianName: "",
    credentials: "",
    directPhone: "",
  },
  ...over,
});

describe("handouts", () => {
  it("generates and stores the handout and its PDF in one go; the stored bytes match their SHA-256", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, draft(guide.versionId));
    const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
    expect(handout.sectionKeys).toEqual(["prevention", "symptoms", "disclaimer"]);
    const pdf = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id } });
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(crypto.createHash("sha256").update(pdf.bytes).digest("hex")).toBe(pdf.sha256);
    expect(pdf.size).toBe(pdf.bytes.length);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    const download = await act(c.clinician.id, c.clinic.id, getHandoutPdfForDownload, id);
    expect(Buffer.compare(download.bytes, Buffer.from(pdf.bytes))).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    // Written in one transaction, the first two share a timestamp: compared as a set.
    expect([...actions].sort()).toEqual(["handout.downloaded", "handout.generated", "link.created"]);
    // Immutable once generated.
    await expect(db.handout.update({ where: { id }, data: { title: "changed" } })).rejects.toThrow(/immutable/);
    // And permanent: neither the handout nor its PDF can be deleted, one by one or all at once.
    await expect(db.handout.delete({ where: { id } })).rejects.toThrow(/permanent record/);
    await expect(db.handoutPdf.deleteMany({ where: { handoutId: id } })).rejects.toThrow(/permanent record/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "HandoutPdf"`)).rejects.toThrow(/permanent record/);
  }, 60_000);

  it("clinic B cannot see or download clinic A's handout", async () => {
    const guide = await importSeedGuide();
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    const { id } = await act(a.clinician.id, a.clinic.id, createHandout, draft(guide.versionId));
    await expect(act(b.owner.id, b.clinic.id, getHandoutPdfForDownload, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(act(b.owner.id, a.clinic.id, getHandoutPdfForDownload, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(act(b.owner.id, b.clinic.id, getHandout, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await act(b.owner.id, b.clinic.id, findHandouts, {})).handouts).toEqual([]);
  }, 60_000);

  it("a tampered PDF is not sent", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, draft(guide.versionId));
    await db.$executeRaw`ALTER TABLE "HandoutPdf" DISABLE TRIGGER "HandoutPdf_immutable"`;
    try {
      await db.$executeRaw`UPDATE "HandoutPdf" SET "bytes" = ${Buffer.from("%PDF-tampered")} WHERE "handoutId" = ${id}`;
    } finally {
      await db.$executeRaw`ALTER TABLE "HandoutPdf" ENABLE TRIGGER "HandoutPdf_immutable"`;
    }
    await expect(act(c.clinician.id, c.clinic.id, getHandoutPdfForDownload, id)).rejects.toThrow(/checksum/);
  }, 60_000);

  it("a failed render stores nothing", async () => {
    const c = await createClinicWithMembers(db);
    // A guide whose stored content the renderer cannot lay out (a corrupt block).
    const guide = await db.guide.create({
      data: {
        clinicId: c.clinic.id,
        key: `broken-${Date.now()}`,
        versions: {
          create: {
            version: 1,
            title: "Broken",
            grade: 1,
            words: 1,
            sections: {
              create: [
                {
                  key: "bad",
                  title: "Bad",
                  position: 0,
                  kind: "content",
                  blocks: [{ type: "list", ordered: false, items: null }],
                  citedRefKeys: [],
                  plainText: "x",
                  grade: 1,
                  words: 1,
                  contentHash: "x",
                },
              ],
            },
          },
        },
      },
      select: { versions: { select: { id: true } } },
    });
    const before = await db.handout.count({ where: { clinicId: c.clinic.id } });
    await expect(
      act(c.clinician.id, c.clinic.id, createHandout, draft(guide.versions[0]!.id, { sectionKeys: ["bad"] })),
    ).rejects.toThrow();
    expect(await db.handout.count({ where: { clinicId: c.clinic.id } })).toBe(before);
    expect(await db.auditEvent.count({ where: { clinicId: c.clinic.id, action: "handout.generated" } })).toBe(0);
  }, 60_000);

  it("lists newest first, searchable by title and prepared-for, filterable by clinician, without PDF bytes", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    await act(
      c.clinician.id,
      c.clinic.id,
      createHandout,
      draft(guide.versionId, { title: "Morning routine", preparedFor: "Ana" }),
    );
    await act(
      c.owner.id,
      c.clinic.id,
      createHandout,
      draft(guide.versionId, { title: "Evening routine", preparedFor: "B.K." }),
    );
    const all = await act(c.owner.id, c.clinic.id, findHandouts, {});
    expect(all.handouts.map((h) => h.title)).toEqual(["Evening routine", "Morning routine"]);
    expect(JSON.stringify(all)).not.toContain("bytes");
    expect((await act(c.owner.id, c.clinic.id, findHandouts, { q: "ana" })).handouts.map((h) => h.title)).toEqual([
      "Morning routine",
    ]);
    expect(
      (await act(c.owner.id, c.clinic.id, findHandouts, { author: c.owner.id })).handouts.map((h) => h.title),
    ).toEqual(["Evening routine"]);
  }, 60_000);

  it("refuses characters no font can print, naming each and its field, and stores nothing", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const refused = act(
      c.clinician.id,
      c.clinic.id,
      createHandout,
      draft(guide.versionId, { notes: "Rest \uE000 today", title: "Back \uE000" }),
    );
    await expect(refused).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "These characters cannot be printed: “\uE000” (U+E000). Remove or replace them.",
      fieldErrors: { notes: [expect.stringContaining("U+E000")], title: [expect.stringContaining("U+E000")] },
    });
    expect(await db.handout.count({ where: { clinicId: c.clinic.id } })).toBe(0);
    // Every script the fonts cover is accepted.
    const { id } = await act(
      c.clinician.id,
      c.clinic.id,
      createHandout,
      draft(guide.versionId, { notes: "背痛 · 腰痛 · 요통 · ألم الظهر · כאב גב · Đau lưng · Боль · 👍" }),
    );
    expect(id).toBeTruthy();
  }, 60_000);

  it("needs a content section besides the locked ones, and always prints the locked ones, even called directly", async () => {
    const c = await createClinicWithMembers(db);
    const md =
      "# Safety Plan\n\n## Stretches\n\nMove gently.\n\n## Warning Signs — Call Right Away\n\nCall 911 if your legs go numb.\n\n## Disclaimer\n\nGeneral advice.\n";
    const parsed = parseGuideMarkdown(
      md.replace("# Safety Plan", "---\nrequired: [Warning Signs — Call Right Away]\n---\n\n# Safety Plan"),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join(" "));
    const v = await importGuide(db, parsed.guide, { clinicId: c.clinic.id });
    // Only the locked sections: refused.
    await expect(
      act(
        c.clinician.id,
        c.clinic.id,
        createHandout,
        draft(v.versionId, { sectionKeys: ["warning-signs-call-right-away"] }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { sectionKeys: ["Choose at least one section besides the ones always included."] },
    });
    // The locked red-flag section left out of the request is printed anyway.
    const { id } = await act(
      c.clinician.id,
      c.clinic.id,
      createHandout,
      draft(v.versionId, { sectionKeys: ["stretches"] }),
    );
    const handout = await act(c.clinician.id, c.clinic.id, getHandout, id);
    expect(handout.sectionKeys).toEqual(["stretches", "warning-signs-call-right-away", "disclaimer"]);
    const pdf = await db.handoutPdf.findUniqueOrThrow({ where: { handoutId: id } });
    expect(pdftotext(Buffer.from(pdf.bytes))).toContain("Call 911 if your legs go numb.");
  }, 60_000);
});
