import { reviewStatus } from "@/lib/guides/library/review-status";

export const formatDay = (d: Date) => d.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** "Overdue for review" or "Due for review" (by text, not only colour), or nothing while the guide is current. */
export function ReviewBadge({ reviewBy }: { reviewBy: Date }) {
  const status = reviewStatus(reviewBy);
  if (!status) return null;
  return status === "overdue" ? (
    <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
      Overdue for review (since {formatDay(reviewBy)})
    </span>
  ) : (
    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
      Due for review by {formatDay(reviewBy)}
    </span>
  );
}
