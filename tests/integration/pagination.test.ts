import { describe, expect, it } from "vitest";
import { findHandouts } from "@/lib/handouts/queries";
import { findAuditEvents } from "@/lib/audit/queries";
import { handoutListSchema } from "@/lib/handouts/schemas";
import { encodeCursor } from "@/lib/pagination";
import { createClinicWithMembers, createGuideVersion } from "@/prisma/seed/factories";
import { act, db } from "./helpers";

// Handouts straight into the table (no PDF rendering): many share one millisecond, as a busy clinic's do.
async function handouts(
  clinicId: string,
  authorId: string,
  rows: { title?: string; preparedFor?: string; createdAt: Date }[],
) {
  const { versionId } = await createGuideVersion(db, clinicId);
  await db.handout.createMany({
    data: rows.map((r, i) => ({
      clinicId,
      authorId,
      guideVersionId: versionId,
      title: r.title ?? `Handout ${i}`,
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

describe("keyset pagination", () => {
  it("walks every handout once, in order, when many share a createdAt, and back again with Newer", async () => {
    const c = await createClinicWithMembers(db);
    await handouts(
      c.clinic.id,
      c.clinician.id,
      Array.from({ length: 47 }, (_, i) => ({ createdAt: at(i % 3) })),
    );
    const expected = (
      await db.handout.findMany({
        where: { clinicId: c.clinic.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((h) => h.id);

    const pages: string[][] = [];
    let page = await act(c.owner.id, c.clinic.id, findHandouts, {});
    expect(page.newer).toBeNull();
    for (;;) {
      pages.push(page.handouts.map((h) => h.id));
      if (!page.older) break;
      page = await act(c.owner.id, c.clinic.id, findHandouts, { after: page.older });
    }
    expect(pages.map((p) => p.length)).toEqual([20, 20, 7]);
    expect(pages.flat()).toEqual(expected);

    // From the last page back to the first: the same pages, and the first one has no Newer link.
    const back = await act(c.owner.id, c.clinic.id, findHandouts, { before: page.newer! });
    expect(back.handouts.map((h) => h.id)).toEqual(pages[1]);
    const top = await act(c.owner.id, c.clinic.id, findHandouts, { before: back.newer! });
    expect(top.handouts.map((h) => h.id)).toEqual(pages[0]);
    expect(top.newer).toBeNull();
    expect(top.total).toEqual({ count: 47, more: false });
  });

  it("pages the activity log's clinic events and members' sign-ins together, ties included", async () => {
    const c = await createClinicWithMembers(db);
    const other = await createClinicWithMembers(db);
    const same = at(0);
    await db.auditEvent.createMany({
      data: [
        ...Array.from({ length: 30 }, () => ({
          clinicId: c.clinic.id,
          actorId: c.owner.id,
          action: "handout.viewed",
          createdAt: same,
        })),
        ...Array.from({ length: 12 }, () => ({
          clinicId: null,
          actorId: c.clinician.id,
          action: "auth.sign_in",
          createdAt: same,
        })),
        ...Array.from({ length: 5 }, () => ({
          clinicId: null,
          actorId: other.clinician.id,
          action: "auth.sign_in",
          createdAt: same,
        })),
        ...Array.from({ length: 5 }, () => ({
          clinicId: other.clinic.id,
          actorId: other.owner.id,
          action: "handout.viewed",
          createdAt: same,
        })),
      ],
    });
    const seen: string[] = [];
    // Page views included ("Include page views"): they are most of these events.
    let page = await act(c.owner.id, c.clinic.id, findAuditEvents, { views: true });
    for (;;) {
      seen.push(...page.events.map((e) => e.id));
      if (!page.older) break;
      page = await act(c.owner.id, c.clinic.id, findAuditEvents, { views: true, after: page.older });
    }
    const expected = await db.auditEvent.findMany({
      where: {
        OR: [{ clinicId: c.clinic.id }, { clinicId: null, actorId: { in: [c.owner.id, c.admin.id, c.clinician.id] } }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(seen).toHaveLength(42);
    const signIns = await act(c.owner.id, c.clinic.id, findAuditEvents, { action: "auth.sign_in" });
    expect(signIns.events).toHaveLength(12);
    expect((await act(c.owner.id, c.clinic.id, findAuditEvents, { actor: c.clinician.id })).total).toEqual({
      count: 12,
      more: false,
    });
  });

  it("a cursor made in another clinic, or a malformed one, gives the first page", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    await handouts(
      a.clinic.id,
      a.owner.id,
      Array.from({ length: 25 }, (_, i) => ({ createdAt: at(i) })),
    );
    await handouts(
      b.clinic.id,
      b.owner.id,
      Array.from({ length: 25 }, (_, i) => ({ createdAt: at(i) })),
    );
    const first = (await act(a.owner.id, a.clinic.id, findHandouts, {})).handouts.map((h) => h.id);
    const bRow = await db.handout.findFirstOrThrow({ where: { clinicId: b.clinic.id }, orderBy: { createdAt: "asc" } });
    const foreign = encodeCursor(b.clinic.id, bRow);
    for (const cursor of [
      foreign,
      "bm90LWEtY3Vyc29y",
      "x",
      Buffer.from(`${a.clinic.id}.soon.abc`).toString("base64url"),
    ]) {
      const page = await act(a.owner.id, a.clinic.id, findHandouts, { after: cursor });
      expect(page.handouts.map((h) => h.id)).toEqual(first);
      expect(page.newer).toBeNull();
    }
    // The page's schema drops what is not a cursor token at all instead of failing the request.
    expect(handoutListSchema.parse({ after: "<script>", before: "a".repeat(500) })).toMatchObject({
      after: undefined,
      before: undefined,
    });
  });

  it("caps the count: more than 1,000 handouts (100 for a search) is said as such", async () => {
    const c = await createClinicWithMembers(db);
    await handouts(
      c.clinic.id,
      c.owner.id,
      Array.from({ length: 1001 }, (_, i) => ({ createdAt: at(i) })),
    );
    expect((await act(c.owner.id, c.clinic.id, findHandouts, {})).total).toEqual({ count: 1000, more: true });
    // A text search counts to 100.
    expect((await act(c.owner.id, c.clinic.id, findHandouts, { q: "handout" })).total).toEqual({
      count: 100,
      more: true,
    });
    expect((await act(c.owner.id, c.clinic.id, findHandouts, { q: "handout 99" })).total).toEqual({
      count: 11,
      more: false,
    });
  });
});
