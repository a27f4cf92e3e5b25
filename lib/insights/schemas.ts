import { z } from "zod";
import { idSchema } from "@/lib/ids";

// The Insights filters, read from GET parameters by the page and the CSV download alike. Days are UTC days,
// as the rollups keep them (lib/insights/README.md).

const DAY_MS = 86_400_000;
export const DEFAULT_WEEKS = 12;
// Two years: the longest range the page draws (by month) and the rollups are read for in one request.
export const MAX_RANGE_DAYS = 731;

export type InsightsFilters = {
  from: string;
  to: string;
  author?: string;
  guide?: string;
  template?: string;
};

export type FiltersResult = { ok: true; filters: InsightsFilters } | { ok: false; message: string };

const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

const params = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  author: z.string().optional(),
  guide: z.string().optional(),
  template: z.string().optional(),
});

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** The default range: the last 12 weeks, Monday to today (UTC), so the first week is a whole one. */
export function defaultRange(today = new Date()): { from: string; to: string } {
  const to = isoDay(today);
  const weekday = (today.getUTCDay() + 6) % 7;
  return { from: addDays(to, -weekday - 7 * (DEFAULT_WEEKS - 1)), to };
}

/**
 * The filters from the query string: a missing or empty date takes the default; a bad one, a range that runs
 * backwards or is longer than two years, or an id that is not one, is refused with a sentence saying why.
 */
export function parseInsightsFilters(
  raw: Record<string, string | string[] | undefined>,
  today = new Date(),
): FiltersResult {
  const one = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.trim() || undefined]),
  );
  const p = params.safeParse(one);
  if (!p.success) return { ok: false, message: "The filters could not be read." };
  const fallback = defaultRange(today);
  const from = p.data.from ?? (p.data.to ? addDays(p.data.to, -7 * DEFAULT_WEEKS + 1) : fallback.from);
  const to = p.data.to ?? fallback.to;
  for (const [name, value] of [
    ["From", from],
    ["To", to],
  ] as const) {
    if (!dayParam.safeParse(value).success)
      return { ok: false, message: `${name} must be a date written as YYYY-MM-DD (for example 2026-03-31).` };
  }
  if (from > to) return { ok: false, message: "From must be on or before To." };
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_RANGE_DAYS)
    return { ok: false, message: "Choose a range of at most two years." };
  const ids: Partial<InsightsFilters> = {};
  for (const key of ["author", "guide", "template"] as const) {
    const value = p.data[key];
    if (value === undefined) continue;
    if (!idSchema.safeParse(value).success)
      return { ok: false, message: `That ${key === "author" ? "clinician" : key} is not one of this clinic's.` };
    ids[key] = value;
  }
  return { ok: true, filters: { from, to, ...ids } };
}

/** The number of days in a range, both ends included. */
export const rangeDays = (f: { from: string; to: string }) => (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS + 1;

/** Weeks for a range up to half a year, months beyond: a chart of 105 weekly bars is read by nobody. */
export const periodOf = (f: { from: string; to: string }): "week" | "month" => (rangeDays(f) <= 183 ? "week" : "month");
