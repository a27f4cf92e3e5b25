import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { addMember, createClinicWithMembers, createGuideVersion, createUser } from "@/prisma/seed/factories";
import { requestDelivery, retryDelivery } from "@/lib/deliveries/mutations";
import { voidHandout } from "@/lib/handouts/mutations";
import { getHandoutPdfForDownload } from "@/lib/handouts/queries";
import { recordOpen } from "@/lib/links/mutations";
import { findInsights } from "@/lib/insights/queries";
import { insightsCsv, INSIGHTS_CSV_HEADER } from "@/lib/insights/csv";
import { parseInsightsFilters } from "@/lib/insights/schemas";
import { builderFromGuide } from "@/lib/handout-drafts/builder-data";
import { createHandout } from "@/lib/printing/generate";
import { startScriptedSmtp } from "../support/smtp-faults";
import { act, as, db, drainDeliveries, importSeedGuide } from "./helpers";

// Every Insights figure against a small clinic made by hand, whose answers are worked out below. Rows are
// written through the portal's own functions where one exists (opens, emails, voids, print and download), and
// straight into the tables where the test needs a date in the past (handouts, links): the rollups are kept by
// triggers, so both paths count.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const RANGE = { from: "2026-11-02", to: "2026-11-22" }; // three whole weeks, Monday to Sunday
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function handout(
  clinicId: string,
  authorId: string,
  guideVersionId: string,
  at: string,
  opts: { templateId?: string; link?: boolean; preparedFor?: string } = {},
) {
  const createdAt = new Date(at);
  const h = await db.handout.create({
    data: {
      clinicId,
      authorId,
      guideVersionId,
      templateId: opts.templateId,
      templateName: opts.templateId ? "Knee week 1" : null,
      title: "Knee pain",
      preparedFor: opts.preparedFor ?? "Jo",
      notes: "",
      sectionKeys: ["basics"],
      contact: { clinicName: "Test Clinic", phone: "(555) 010-0000" },
      options: { largePrint: false, notesPosition: "TOP", pageSize: "LETTER" },
      branding: {},
      createdAt,
      pdf: { create: { bytes: new Uint8Array(PDF), sha256: sha256(PDF), size: PDF.length, pages: 1 } },
    },
  });
  const link = opts.link
    ? await db.patientLink.create({
        data: {
          clinicId,
          handoutId: h.id,
          seed: crypto.randomUUID(),
          tokenHash: crypto.randomUUID(),
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
          createdAt,
        },
      })
    : null;
  return { id: h.id, createdAt, link };
}

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);
const email = (handoutId: string, mode: "LINK" | "ATTACHMENT") => ({
  handoutId,
  mode,
  recipient: "jo.patient@example.com",
  message: "",
  consent: "yes" as const,
  idempotencyKey: crypto.randomUUID(),
});

/**
 * Clinic A: a guide (English, standard) with a Spanish plain-language variant, a template, and four handouts:
 * - h1, 3 Nov, clinician, no template, link first opened 30 min later, opened 3 times (once on 3 Nov, twice on 4 Nov),
 *   printed once and downloaded once;
 * - h2, 10 Nov, owner, the Spanish variant, template, link first opened 3 h later (once), emailed with the link: sent;
 * - h3, 17 Nov, clinician, template, emailed with the PDF attached: failed (550), then voided;
 * - h0, 20 Oct, clinician: before the range, counted nowhere.
 */
async function clinicA() {
  const c = await createClinicWithMembers(db, "Insights Clinic A");
  const clinicId = c.clinic.id;
  const main = await createGuideVersion(db, clinicId);
  const variant = await createGuideVersion(db, clinicId);
  await db.guide.update({
    where: { id: variant.guideId },
    data: { variantOfId: main.guideId, language: "es", level: "plain" },
  });
  const template = await db.template.create({
    data: {
      clinicId,
      name: "Knee week 1",
      guideId: main.guideId,
      guideVersionId: main.versionId,
      sectionKeys: ["basics"],
      notes: "",
      createdById: c.owner.id,
    },
  });
  const h0 = await handout(clinicId, c.clinician.id, main.versionId, "2026-10-20T09:00:00Z", { link: true });
  const h1 = await handout(clinicId, c.clinician.id, main.versionId, "2026-11-03T10:00:00Z", { link: true });
  const h2 = await handout(clinicId, c.owner.id, variant.versionId, "2026-11-10T09:00:00Z", {
    link: true,
    templateId: template.id,
  });
  const h3 = await handout(clinicId, c.clinician.id, main.versionId, "2026-11-17T08:00:00Z", {
    templateId: template.id,
  });

  for (const at of [hours(h1.createdAt, 0.5), hours(h1.createdAt, 24), hours(h1.createdAt, 25)])
    await recordOpen({ id: h1.link!.id, clinicId, handoutId: h1.id }, at);
  await recordOpen({ id: h2.link!.id, clinicId, handoutId: h2.id }, hours(h2.createdAt, 3));
  await act(c.clinician.id, clinicId, getHandoutPdfForDownload, h1.id, "print");
  await act(c.clinician.id, clinicId, getHandoutPdfForDownload, h1.id, "download");

  const refuse = await startScriptedSmtp(() => ({ reply: { code: 550, message: "5.1.1 Mailbox does not exist" } }));
  const accept = await startScriptedSmtp(() => undefined);
  closers.push(refuse.close, accept.close);
  await act(c.clinician.id, clinicId, requestDelivery, email(h3.id, "ATTACHMENT"));
  expect(await drainDeliveries(clinicId, refuse.url)).toEqual(["failed"]);
  await act(c.owner.id, clinicId, requestDelivery, email(h2.id, "LINK"));
  expect(await drainDeliveries(clinicId, accept.url)).toEqual(["sent"]);
  await act(c.clinician.id, clinicId, voidHandout, h3.id, "Wrong guide");
  return { ...c, main, variant, template, h0, h1, h2, h3, accept };
}

const get = (ctx: Awaited<ReturnType<typeof as>>, extra: Record<string, string> = {}) => {
  const parsed = parseInsightsFilters({ ...RANGE, ...extra });
  if (!parsed.ok) throw new Error(parsed.message);
  return findInsights(ctx, parsed.filters);
};

describe("Insights", () => {
  it("counts every figure of a hand-made clinic", async () => {
    const a = await clinicA();
    const ins = await get(await as(a.owner.id, a.clinic.id));
    expect(ins.scope).toBe("clinic");
    expect(ins.period).toBe("week");
    expect(ins.total).toEqual({
      handouts: 3,
      voided: 1,
      linksMade: 2,
      linksOpened: 2,
      opens: 4,
      emailsLink: 1,
      emailsAttachment: 1,
      emailsWaiting: 0,
      emailsSent: 1,
      emailsFailed: 1,
      printViews: 1,
      downloads: 1,
      // h1 after 30 minutes, h2 after 3 hours.
      firstOpen: [1, 0, 1, 0, 0, 0, 0],
    });
    const byPeriod = ins.groups.period.map((g) => [g.key, g.counts.handouts, g.counts.opens]);
    expect(byPeriod).toEqual([
      ["2026-11-02", 1, 3],
      ["2026-11-09", 1, 1],
      ["2026-11-16", 1, 0],
    ]);
    const pick = (kind: keyof typeof ins.groups) =>
      ins.groups[kind].map((g) => [g.label, g.counts.handouts, g.counts.linksOpened, g.counts.emailsSent]);
    expect(pick("author")).toEqual([
      ["Cleo Clinician", 2, 1, 0],
      ["Olive Owner", 1, 1, 1],
    ]);
    // The variant counts under its main guide.
    expect(pick("guide")).toEqual([["Test Guide", 3, 2, 1]]);
    expect(pick("template")).toEqual([
      ["Knee week 1", 2, 1, 1],
      ["No template", 1, 1, 0],
    ]);
    expect(pick("variant")).toEqual([
      ["English · standard", 2, 1, 0],
      ["Spanish · plain language", 1, 1, 1],
    ]);
    // A filter that every handout matches reads the other rollups (InsightDay and InsightOpenDay, not
    // InsightDimDay) and must come to the same figures.
    const viaFilter = await get(await as(a.owner.id, a.clinic.id), { guide: a.main.guideId });
    expect(viaFilter.total).toEqual(ins.total);
    expect(viaFilter.groups).toEqual(ins.groups);
  });

  it("keeps the rollups equal to a rebuild from the raw rows, through a retry of a failed email", async () => {
    const a = await clinicA();
    const failed = await db.delivery.findFirstOrThrow({ where: { clinicId: a.clinic.id, status: "FAILED" } });
    const h4 = await handout(a.clinic.id, a.admin.id, a.main.versionId, "2026-11-18T12:00:00Z");
    await act(a.admin.id, a.clinic.id, requestDelivery, email(h4.id, "ATTACHMENT"));
    let ins = await get(await as(a.owner.id, a.clinic.id));
    expect([ins.total.emailsWaiting, ins.total.emailsFailed, ins.total.emailsSent]).toEqual([1, 1, 1]);
    expect(await drainDeliveries(a.clinic.id, a.accept.url)).toEqual(["sent"]);
    // h3 is void, so its failed email cannot be retried; a failed one of a live handout can.
    await expect(act(a.owner.id, a.clinic.id, retryDelivery, failed.id)).rejects.toThrow();
    ins = await get(await as(a.owner.id, a.clinic.id));
    expect([ins.total.emailsWaiting, ins.total.emailsFailed, ins.total.emailsSent]).toEqual([0, 1, 2]);

    const rollup = () =>
      Promise.all([
        db.insightDay.findMany({ where: { clinicId: a.clinic.id }, orderBy: [{ day: "asc" }, { authorId: "asc" }] }),
        db.insightOpenDay.findMany({ where: { clinicId: a.clinic.id }, orderBy: [{ day: "asc" }] }),
        db.insightDimDay.findMany({
          where: { clinicId: a.clinic.id },
          orderBy: [{ dim: "asc" }, { day: "asc" }, { key: "asc" }],
        }),
      ]);
    const kept = await rollup();
    await db.$executeRaw`SELECT insights_rebuild(${a.clinic.id})`;
    expect(await rollup()).toEqual(kept);
  });

  it("counts a handout made by Generate, with its link, and its link's openings", async () => {
    const guide = await importSeedGuide();
    const c = await createClinicWithMembers(db);
    const start = await act(c.clinician.id, c.clinic.id, builderFromGuide, guide.guideId);
    const { id } = await act(c.clinician.id, c.clinic.id, createHandout, {
      ...start.initial,
      guideVersionId: start.guide.versionId,
      notes: "",
      preparedFor: "",
      patientLink: true,
    });
    const link = await db.patientLink.findFirstOrThrow({ where: { handoutId: id } });
    await recordOpen({ id: link.id, clinicId: c.clinic.id, handoutId: id }, hours(link.createdAt, 30));
    // The opening is dated 30 hours on: a range to two days from now holds it.
    const parsedFilters = parseInsightsFilters({
      to: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    });
    if (!parsedFilters.ok) throw new Error(parsedFilters.message);
    const ins = await findInsights(await as(c.clinician.id, c.clinic.id), parsedFilters.filters);
    expect(ins.total).toMatchObject({ handouts: 1, linksMade: 1, linksOpened: 1, opens: 1 });
    expect(ins.total.firstOpen).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(ins.groups.guide.map((g) => g.key)).toEqual([guide.guideId]);
  });

  it("openings, prints and emails of one clinic's handouts at once all count, with no deadlock", async () => {
    const c = await createClinicWithMembers(db);
    const { versionId } = await createGuideVersion(db, c.clinic.id);
    const now = new Date().toISOString();
    const hs = await Promise.all(
      Array.from({ length: 6 }, () => handout(c.clinic.id, c.clinician.id, versionId, now, { link: true })),
    );
    await Promise.all(
      hs.flatMap((h) => [
        recordOpen({ id: h.link!.id, clinicId: c.clinic.id, handoutId: h.id }),
        recordOpen({ id: h.link!.id, clinicId: c.clinic.id, handoutId: h.id }),
        act(c.clinician.id, c.clinic.id, getHandoutPdfForDownload, h.id, "print"),
        act(c.owner.id, c.clinic.id, requestDelivery, email(h.id, "LINK")),
      ]),
    );
    const parsed = parseInsightsFilters({});
    if (!parsed.ok) throw new Error(parsed.message);
    const { total } = await findInsights(await as(c.owner.id, c.clinic.id), parsed.filters);
    expect(total).toMatchObject({
      handouts: 6,
      linksOpened: 6,
      opens: 12,
      printViews: 6,
      emailsLink: 6,
      emailsWaiting: 6,
    });
  });

  it("an email failed and retried moves from failed to waiting to sent", async () => {
    const c = await createClinicWithMembers(db);
    const { versionId } = await createGuideVersion(db, c.clinic.id);
    const h = await handout(c.clinic.id, c.clinician.id, versionId, "2026-11-05T12:00:00Z");
    const refuse = await startScriptedSmtp(() => ({ reply: { code: 550, message: "5.1.1 No such user" } }));
    const accept = await startScriptedSmtp(() => undefined);
    closers.push(refuse.close, accept.close);
    await act(c.clinician.id, c.clinic.id, requestDelivery, email(h.id, "ATTACHMENT"));
    const states = async () => {
      const t = (await get(await as(c.owner.id, c.clinic.id))).total;
      return [t.emailsWaiting, t.emailsSent, t.emailsFailed];
    };
    expect(await states()).toEqual([1, 0, 0]);
    await drainDeliveries(c.clinic.id, refuse.url);
    expect(await states()).toEqual([0, 0, 1]);
    const d = await db.delivery.findFirstOrThrow({ where: { clinicId: c.clinic.id } });
    await act(c.clinician.id, c.clinic.id, retryDelivery, d.id);
    expect(await states()).toEqual([1, 0, 0]);
    await drainDeliveries(c.clinic.id, accept.url);
    expect(await states()).toEqual([0, 1, 0]);
  });

  it("filters by clinician, guide and template; a clinician sees only their own whatever they ask", async () => {
    const a = await clinicA();
    const owner = await as(a.owner.id, a.clinic.id);
    expect((await get(owner, { template: a.template.id })).total.handouts).toBe(2);
    expect((await get(owner, { author: a.owner.id })).total.handouts).toBe(1);
    expect((await get(owner, { guide: a.main.guideId, author: a.clinician.id })).total.handouts).toBe(2);
    const clinician = await as(a.clinician.id, a.clinic.id);
    const own = await get(clinician, { author: a.owner.id });
    expect(own.scope).toBe("own");
    expect(own.filters.author).toBe(a.clinician.id);
    expect(own.total.handouts).toBe(2);
    expect(own.groups.author.map((g) => g.label)).toEqual(["Cleo Clinician"]);
  });

  it("clinic B sees nothing of clinic A, even asking for A's guide, template or clinician", async () => {
    const a = await clinicA();
    const b = await createClinicWithMembers(db, "Insights Clinic B");
    const ownerB = await as(b.owner.id, b.clinic.id);
    const asks: Record<string, string>[] = [
      {},
      { guide: a.main.guideId },
      { template: a.template.id },
      { author: a.clinician.id },
    ];
    for (const extra of asks) {
      const ins = await get(ownerB, extra);
      expect(ins.total.handouts).toBe(0);
      expect(ins.groups.author).toEqual([]);
      expect(ins.groups.guide).toEqual([]);
    }
    // A member of both sees each clinic's own figures in each.
    await addMember(db, a.clinician.id, b.clinic.id, "OWNER");
    expect((await get(await as(a.clinician.id, b.clinic.id))).total.handouts).toBe(0);
    await expect(as(b.owner.id, a.clinic.id)).rejects.toThrow();
  });

  it("writes the figures as CSV with names but nothing about a patient, formulas defused", async () => {
    const c = await createClinicWithMembers(db);
    const sneaky = await createUser(db, { name: '=HYPERLINK("http://x")' });
    await addMember(db, sneaky.id, c.clinic.id, "CLINICIAN");
    const { versionId } = await createGuideVersion(db, c.clinic.id);
    await handout(c.clinic.id, sneaky.id, versionId, "2026-11-04T12:00:00Z", { preparedFor: "Zebedee" });
    const csv = insightsCsv(await get(await as(c.owner.id, c.clinic.id)));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(INSIGHTS_CSV_HEADER.join(","));
    expect(lines[1]).toMatch(/^all,2026-11-02 to 2026-11-22,1,0,/);
    expect(lines).toContain(`week,2026-11-02,${["1", ...Array(INSIGHTS_CSV_HEADER.length - 3).fill("0")].join(",")}`);
    expect(csv).toContain(`clinician,"'=HYPERLINK(""http://x"")",1,`);
    expect(csv).not.toContain("Zebedee");
  });
});
