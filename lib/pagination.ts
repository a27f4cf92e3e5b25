// Keyset pagination for the newest-first lists that grow without bound (handouts, activity): a page is "the
// 20 rows older (or newer) than this row", found by an index range scan that costs the same on page 1 and on
// page 5,000. OFFSET made Postgres walk and discard every earlier row: a page a year back in a clinic with
// 100,000 handouts read 100,000 index entries. The cursor is the boundary row's (createdAt, id), id breaking
// ties between rows made in the same millisecond, and the clinic it belongs to.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";

export type Cursor = { createdAt: Date; id: string };
export type Bound = { cursor: Cursor; towards: "older" | "newer" } | null;
/** What a list page was asked for: the cursors of the "Older" and "Newer" links, as they came in the URL. */
export type PageRequest = { after?: string; before?: string };

const cursorParts = z.tuple([idSchema, z.coerce.number().int().min(0).max(8.64e15), idSchema]);

export function encodeCursor(clinicId: string, row: Cursor): string {
  return Buffer.from(`${clinicId}.${row.createdAt.getTime()}.${row.id}`).toString("base64url");
}

/** The cursor, or null when it is malformed or was made in another clinic: the list then starts at page 1. */
export function decodeCursor(clinicId: string, token: string | undefined): Cursor | null {
  if (!token) return null;
  const parts = cursorParts.safeParse(Buffer.from(token, "base64url").toString("utf8").split("."));
  if (!parts.success || parts.data[0] !== clinicId) return null;
  return { createdAt: new Date(parts.data[1]), id: parts.data[2] };
}

export function boundOf(clinicId: string, page: PageRequest): Bound {
  const after = decodeCursor(clinicId, page.after);
  if (after) return { cursor: after, towards: "older" };
  const before = decodeCursor(clinicId, page.before);
  return before ? { cursor: before, towards: "newer" } : null;
}

// (createdAt, id) < (t, i), written so that `createdAt <= t` bounds the index scan on (…, createdAt, id).
export function keysetWhere(bound: Bound) {
  if (!bound) return {};
  const { createdAt, id } = bound.cursor;
  return bound.towards === "older"
    ? { AND: [{ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] }] }
    : { AND: [{ createdAt: { gte: createdAt } }, { OR: [{ createdAt: { gt: createdAt } }, { id: { gt: id } }] }] };
}

/** The same condition for raw SQL, on columns "createdAt" and "id" of `alias`. */
export function keysetSql(bound: Bound, alias: string) {
  if (!bound) return Prisma.empty;
  const row = Prisma.sql`(${Prisma.raw(`${alias}."createdAt", ${alias}."id"`)})`;
  const value = Prisma.sql`(${bound.cursor.createdAt}::timestamp(3), ${bound.cursor.id})`;
  return bound.towards === "older" ? Prisma.sql`AND ${row} < ${value}` : Prisma.sql`AND ${row} > ${value}`;
}

export const keysetOrder = (bound: Bound) => (bound?.towards === "newer" ? "asc" : "desc") as "asc" | "desc";

export type KeysetPage<T> = { rows: T[]; older: string | null; newer: string | null };

/**
 * One page, newest first. `fetch(bound, take)` returns up to `take` rows past the bound in its order
 * (keysetOrder); one row more than the page tells whether there is a page beyond. Going newer past the
 * newest rows lands on the first page, full, rather than on a short one.
 */
export async function pageByKeyset<T extends Cursor>(
  clinicId: string,
  page: PageRequest,
  size: number,
  fetch: (bound: Bound, take: number) => Promise<T[]>,
): Promise<KeysetPage<T>> {
  const bound = boundOf(clinicId, page);
  let rows = await fetch(bound, size + 1);
  if (bound?.towards === "newer") {
    if (rows.length > size) {
      const shown = rows.slice(0, size).reverse();
      return {
        rows: shown,
        older: encodeCursor(clinicId, shown[shown.length - 1]!),
        newer: encodeCursor(clinicId, shown[0]!),
      };
    }
    rows = await fetch(null, size + 1);
  }
  const first = bound?.towards !== "older";
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return {
    rows: shown,
    older: rows.length > size && last ? encodeCursor(clinicId, last) : null,
    // Past the end (a cursor beyond the last row) the way back is the cursor itself.
    newer: first ? null : shown[0] ? encodeCursor(clinicId, shown[0]) : (page.after ?? null),
  };
}

// Counting every match of a big clinic's list costs as much as reading it all (bench:scale, 2026-12-01, load
// 6: 100,000 handouts 60 ms, 480,000 events 230 ms, index-only), on every page view. Above the cap a
// clinician learns nothing from the exact number: "more than 1,000" says "narrow the filters", and a number
// they can act on is shown when it is small. A text search counts to 100 only: each match is a row read
// and checked (trigram indexes are lossy), ~1,000 rows were 30-60 ms, and someone looking for one patient's
// handout needs "a few" or "too many to scan", not 734.
export const COUNT_CAP = 1000;
export const SEARCH_COUNT_CAP = 100;

export type CappedCount = { count: number; more: boolean };

/** From the number of rows read with a limit of cap + 1. */
export const cappedCount = (n: number, cap = COUNT_CAP): CappedCount => ({ count: Math.min(n, cap), more: n > cap });

/** "1 handout", "250 handouts", "More than 1,000 handouts". */
export function countLabel({ count, more }: CappedCount, one: string, many: string) {
  if (more) return `More than ${count.toLocaleString("en-US")} ${many}`;
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
