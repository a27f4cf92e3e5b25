// When a guide needs its review, from its review-by date (lib/guides/library/review-dates.ts): the library's badges
// and the managers' list on the clinic home use the same 30 days.
export const DUE_SOON_DAYS = 30;

export type ReviewStatus = "overdue" | "due" | null;

export function reviewStatus(reviewBy: Date, today = new Date()): ReviewStatus {
  const days =
    (reviewBy.getTime() - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / 86_400_000;
  if (days < 0) return "overdue";
  return days <= DUE_SOON_DAYS ? "due" : null;
}
