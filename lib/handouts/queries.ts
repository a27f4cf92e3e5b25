import "server-only";
import { linkToken, linkUrl } from "@/lib/handouts/link-tokens";
import { isLive } from "@/lib/handouts/link-state";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import type { MemberContext } from "@/lib/member-context";
import type { DeliveryStatus, Prisma } from "@/lib/generated/prisma/client";
import {
  COUNT_CAP,
  SEARCH_COUNT_CAP,
  cappedCount,
  keysetOrder,
  keysetWhere,
  pageByKeyset,
  type PageRequest,
} from "@/lib/pagination";

export const HANDOUTS_PAGE_SIZE = 20;

export type EmailFilter = "none" | "queued" | "sent" | "failed";
type ListFilters = {
  q?: string;
  author?: string;
  template?: string;
  email?: EmailFilter;
  voided?: "yes" | "no";
  from?: string;
  to?: string;
} & PageRequest;

const EMAIL_WHERE: Record<EmailFilter, Prisma.HandoutWhereInput> = {
  none: { deliveries: { none: {} } },
  queued: { deliveries: { some: { status: { in: ["QUEUED", "SENDING"] } } } },
  sent: { deliveries: { some: { status: "SENT" } } },
  failed: { deliveries: { some: { status: "FAILED" }, none: { status: "SENT" } } },
};

// What every list of handouts shows of one (the handouts page adds more): its label, whether it was voided,
// its latest email and whether its patient link was opened.
const ROW_FIELDS = {
  id: true,
  title: true,
  preparedFor: true,
  createdAt: true,
  void: { select: { createdAt: true } },
  deliveries: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true } },
  link: { select: { firstOpenedAt: true, openCount: true, revokedAt: true, expiresAt: true } },
} satisfies Prisma.HandoutSelect;

const withEmailStatus = <H extends { deliveries: { status: DeliveryStatus }[] }>({ deliveries, ...h }: H) => ({
  ...h,
  emailStatus: deliveries[0]?.status ?? null,
});

/**
 * The clinic's handouts, newest first. Never selects the PDF bytes. A search by text reaches patient labels
 * ("prepared for"), so it is audited as access to patient data (the search words themselves are not kept:
 * they may be a patient's name).
 */
export async function findHandouts(ctx: MemberContext, f: ListFilters) {
  const clinicId = ctx.clinic.id;
  const where: Prisma.HandoutWhereInput = {
    clinicId,
    ...(f.author ? { authorId: f.author } : {}),
    ...(f.template ? { templateId: f.template } : {}),
    ...(f.email ? EMAIL_WHERE[f.email] : {}),
    ...(f.voided === "yes" ? { void: { isNot: null } } : f.voided === "no" ? { void: null } : {}),
    ...(f.from || f.to
      ? {
          createdAt: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
    ...(f.q
      ? {
          OR: [
            { title: { contains: f.q, mode: "insensitive" } },
            { preparedFor: { contains: f.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const cap = f.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const [page, total, authors, templates] = await Promise.all([
    pageByKeyset(clinicId, f, HANDOUTS_PAGE_SIZE, (bound, take) =>
      db.handout.findMany({
        where: { AND: [where, keysetWhere(bound)] },
        orderBy: [{ createdAt: keysetOrder(bound) }, { id: keysetOrder(bound) }],
        take,
        select: {
          ...ROW_FIELDS,
          templateName: true,
          author: { select: { id: true, name: true } },
          guideVersion: { select: { title: true, version: true } },
          pdf: { select: { pages: true, size: true } },
        },
      }),
    ),
    // Up to the cap. count({ take }) and an unordered findMany both order by id (through the primary key,
    // across every clinic); clinicId is fixed by the where-clause, so ordering by it lets Postgres stop at
    // the cap from whichever index suits the filters, without sorting the matches.
    // A search is recorded as soon as its count is known, while the page's other reads go on.
    db.handout
      .findMany({ where, orderBy: { clinicId: "asc" }, select: { id: true }, take: cap + 1 })
      .then((r) => cappedCount(r.length, cap))
      .then(async (total) => {
        if (f.q)
          await auditMember(ctx, {
            action: "handout.searched",
            targetType: "handouts",
            metadata: { results: total.count, more: total.more, paged: !!(f.after || f.before) },
          });
        return total;
      }),
    findAuthors(clinicId),
    db.template.findMany({
      where: { clinicId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  return { handouts: page.rows.map(withEmailStatus), total, older: page.older, newer: page.newer, authors, templates };
}

/**
 * Everyone who made a handout in the clinic (former members too), for the clinician filter. A loose index
 * scan: one index probe per author on (clinicId, authorId, …) instead of reading the clinic's every handout
 * to find the few dozen distinct authors.
 */
function findAuthors(clinicId: string) {
  return db.$queryRaw<{ id: string; name: string }[]>`
    WITH RECURSIVE a AS (
      (SELECT "authorId" FROM "Handout" WHERE "clinicId" = ${clinicId} ORDER BY "authorId" LIMIT 1)
      UNION ALL
      SELECT (SELECT h."authorId" FROM "Handout" h WHERE h."clinicId" = ${clinicId} AND h."authorId" > a."authorId" ORDER BY h."authorId" LIMIT 1)
      FROM a WHERE a."authorId" IS NOT NULL
    )
    SELECT u."id", u."name" FROM a JOIN "User" u ON u."id" = a."authorId" ORDER BY u."name" ASC`;
}

/** The member's latest handouts in this clinic, with their email status, for the home page. */
export async function findRecentHandouts(ctx: MemberContext, take = 5) {
  const rows = await db.handout.findMany({
    where: { clinicId: ctx.clinic.id, authorId: ctx.user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: ROW_FIELDS,
  });
  return rows.map(withEmailStatus);
}

// What the handout page shows of its patient link: the address (made again from the seed, never stored),
// whether it still opens, and the counts of openings (nothing about who opened it).
function linkStatus(
  link: {
    seed: string;
    expiresAt: Date;
    revokedAt: Date | null;
    firstOpenedAt: Date | null;
    lastOpenedAt: Date | null;
    openCount: number;
  },
  voided: boolean,
) {
  const { seed, ...status } = link;
  return { ...status, url: linkUrl(linkToken(seed)), live: isLive(link) && !voided };
}

/** One handout with what its page shows; NOT_FOUND outside the caller's clinic. */
export async function getHandout(ctx: MemberContext, handoutId: string) {
  const clinicId = ctx.clinic.id;
  const handout = await db.handout.findFirst({
    where: { id: handoutId, clinicId },
    select: {
      id: true,
      title: true,
      preparedFor: true,
      followUpDate: true,
      notes: true,
      sectionKeys: true,
      contact: true,
      options: true,
      branding: true,
      createdAt: true,
      sourceHandoutId: true,
      templateName: true,
      authorId: true,
      void: { select: { reason: true, createdAt: true, voidedById: true } },
      author: { select: { name: true, credentials: true } },
      guideVersion: { select: { id: true, version: true, title: true, guideId: true } },
      pdf: { select: { sha256: true, size: true, pages: true } },
      link: {
        select: {
          seed: true,
          expiresAt: true,
          revokedAt: true,
          firstOpenedAt: true,
          lastOpenedAt: true,
          openCount: true,
        },
      },
    },
  });
  if (!handout) throw new AppError("NOT_FOUND", "Not found.");
  const { link, ...rest } = handout;
  return {
    ...rest,
    link: link && linkStatus(link, !!handout.void),
    contact: readContact(handout.contact),
    options: readOptions(handout.options),
    branding: readBranding(handout.branding),
  };
}

/** The handout page shows the patient's label and the clinician's notes for them: opening it is audited. */
export async function viewHandout(ctx: MemberContext, handoutId: string) {
  const handout = await getHandout(ctx, handoutId);
  await auditMember(ctx, { action: "handout.viewed", targetType: "handout", targetId: handout.id });
  return handout;
}

/**
 * Sections of this handout that a newer version of its guide changed or removed, so the page can say the
 * guide moved on since this patient got it.
 */
export async function findNewerGuideChanges(handout: {
  sectionKeys: string[];
  guideVersion: { id: string; version: number; guideId: string };
}) {
  const latest = await db.guideVersion.findFirst({
    where: { guideId: handout.guideVersion.guideId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, sections: { select: { key: true, title: true, contentHash: true } } },
  });
  if (!latest || latest.version === handout.guideVersion.version) return null;
  const used = await db.section.findMany({
    where: { versionId: handout.guideVersion.id, key: { in: handout.sectionKeys } },
    select: { key: true, title: true, contentHash: true },
  });
  const now = new Map(latest.sections.map((s) => [s.key, s]));
  const changed = used
    .filter((s) => now.get(s.key)?.contentHash !== s.contentHash)
    .map((s) => ({ title: s.title, removed: !now.has(s.key) }));
  return changed.length ? { version: latest.version, changed } : null;
}

/** A stored PDF's bytes, after checking they still match the SHA-256 recorded at generation. */
function checkedBytes(handoutId: string, pdf: { bytes: Uint8Array; sha256: string }): Buffer {
  const actual = crypto.createHash("sha256").update(pdf.bytes).digest("hex");
  if (actual !== pdf.sha256) throw new Error(`stored PDF for handout ${handoutId} does not match its checksum`);
  return Buffer.from(pdf.bytes);
}

/**
 * The stored PDF of a handout of `clinicId`, after checking its bytes still match the SHA-256 recorded at
 * generation (for the clinic's pages and the patient link alike).
 */
export async function readStoredPdf(clinicId: string, handoutId: string) {
  const row = await db.handoutPdf.findFirst({
    where: { handoutId, handout: { clinicId } },
    select: { bytes: true, sha256: true, pages: true, handout: { select: { title: true, createdAt: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Not found.");
  return {
    bytes: checkedBytes(handoutId, row),
    sha256: row.sha256,
    pages: row.pages,
    title: row.handout.title,
    createdAt: row.handout.createdAt,
  };
}

const storedPdf = (ctx: MemberContext, handoutId: string) => readStoredPdf(ctx.clinic.id, handoutId);

/** The stored PDF for download or for the browser's viewer (print); the audit log records which. */
export async function getHandoutPdfForDownload(
  ctx: MemberContext,
  handoutId: string,
  purpose: "download" | "print" = "download",
) {
  const pdf = await storedPdf(ctx, handoutId);
  await auditMember(ctx, {
    action: purpose === "print" ? "handout.printed" : "handout.downloaded",
    targetType: "handout",
    targetId: handoutId,
  });
  return pdf;
}

/**
 * The stored PDF drawn on the handout's page, fetched by it from its own route (pdf/view): not audited, as the
 * page's opening is (viewHandout, "handout.viewed"). With its SHA-256, the route's ETag.
 */
export const getHandoutPdfForView = storedPdf;

/** The SHA-256 recorded for a handout's stored PDF (what the browser's copy is checked against). */
export async function getHandoutPdfSha(ctx: MemberContext, handoutId: string) {
  const row = await db.handoutPdf.findFirst({
    where: { handoutId, handout: { clinicId: ctx.clinic.id } },
    select: { sha256: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Not found.");
  return row.sha256;
}

/**
 * What the chart copy of a handout is made of (lib/fhir builds it): the handout's own fields, its stored PDF's
 * bytes (checked against their SHA-256, never re-rendered), its emails, the clinic's name and the author's.
 * Scoped to `clinicId` when given; `npm run fhir:bundle` (an operator's command) names a handout by id alone.
 */
export async function readChartSource(handoutId: string, clinicId?: string, tx: Tx = db) {
  const h = await tx.handout.findFirst({
    where: { id: handoutId, ...(clinicId ? { clinicId } : {}) },
    select: {
      id: true,
      title: true,
      preparedFor: true,
      createdAt: true,
      clinic: { select: { name: true } },
      author: { select: { name: true, credentials: true } },
      pdf: { select: { bytes: true, sha256: true, createdAt: true } },
      void: { select: { createdAt: true } },
      deliveries: { select: { id: true, mode: true, status: true, sentAt: true, createdAt: true } },
    },
  });
  if (!h?.pdf) throw new AppError("NOT_FOUND", "Not found.");
  const { pdf, clinic, author, void: voided, deliveries, ...handout } = h;
  return {
    handout,
    pdf: { bytes: checkedBytes(h.id, pdf), sha256: pdf.sha256, createdAt: pdf.createdAt },
    deliveries,
    voided: !!voided,
    clinicName: clinic.name,
    authorName: [author.name, author.credentials].filter(Boolean).join(", "),
  };
}

/** The chart copy's makings for "Download for the chart", audited as an export of its own. */
export async function getChartSourceForExport(ctx: MemberContext, handoutId: string) {
  const source = await readChartSource(handoutId, ctx.clinic.id);
  await auditMember(ctx, { action: "handout.chart_exported", targetType: "handout", targetId: handoutId });
  return source;
}
