// Pure arithmetic of the Insights figures: counters added up, empty periods filled in, shares and the median
// bucket put in words. No database here, so the unit tests can pin every rule.

export const COUNTERS = [
  "handouts",
  "voided",
  "linksMade",
  "linksOpened",
  "opens",
  "emailsLink",
  "emailsAttachment",
  "emailsWaiting",
  "emailsSent",
  "emailsFailed",
  "printViews",
  "downloads",
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number> & { firstOpen: number[] };

// The first-open delay buckets, in the order of the rollup's columns (InsightDay.firstOpen…).
export const FIRST_OPEN_BUCKETS = [
  "under 1 hour",
  "1 to 2 hours",
  "2 to 6 hours",
  "6 to 24 hours",
  "1 to 3 days",
  "3 to 7 days",
  "more than 7 days",
] as const;

export const emptyCounts = (): Counts => ({
  ...(Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>),
  firstOpen: FIRST_OPEN_BUCKETS.map(() => 0),
});

/** Below this many, a share is told as "3 of 7": a percentage of a handful suggests a precision it lacks. */
export const SMALL = 10;

/** "3 of 7", or "43% (300 of 700)"; "none yet" when there is nothing to share out. */
export function share(part: number, whole: number): string {
  if (whole === 0) return "none yet";
  if (whole < SMALL) return `${part} of ${whole}`;
  return `${Math.round((100 * part) / whole)}% (${part.toLocaleString("en-US")} of ${whole.toLocaleString("en-US")})`;
}

/**
 * The bucket that holds the median first-open delay (the ceil(n/2)-th opened link in delay order), or null
 * when no link was opened. Only the bucket is known: the rollup keeps counts per bucket, not times.
 */
export function medianBucket(firstOpen: number[]): string | null {
  const total = firstOpen.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < firstOpen.length; i++) {
    seen += firstOpen[i]!;
    if (seen >= Math.ceil(total / 2)) return FIRST_OPEN_BUCKETS[i] ?? null;
  }
  return null;
}

/** Every week (Monday) or month (the 1st) that starts in or before the range and ends in it, as YYYY-MM-DD. */
export function periodStarts(from: string, to: string, period: "week" | "month"): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (period === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  else start.setUTCDate(1);
  const out: string[] = [];
  for (const d = start; d.toISOString().slice(0, 10) <= to;) {
    out.push(d.toISOString().slice(0, 10));
    if (period === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** "Week of 1 Dec 2026" or "Dec 2026": a period's name in tables and charts. */
export function periodLabel(start: string, period: "week" | "month", short = false): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === "month") return d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  const day = d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  return short ? day : `Week of ${day} ${d.getUTCFullYear()}`;
}
