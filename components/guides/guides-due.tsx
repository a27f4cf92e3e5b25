import Link from "next/link";
import { ReviewBadge } from "@/components/guides/review-badge";
import type { DueGuide } from "@/lib/guides/library/review-dates";

/**
 * The clinic's own guides due for review within 30 days or overdue: shown to its managers on the home page
 * (nothing when there are none) and on Insights (which says so, with `none`).
 */
export function GuidesDue({ clinicId, guides, none }: { clinicId: string; guides: DueGuide[]; none?: string }) {
  if (guides.length === 0 && !none) return null;
  return (
    <section aria-labelledby="guides-due">
      <h2 id="guides-due" className="mb-3 text-lg font-semibold">
        Guides due for review
      </h2>
      {guides.length === 0 ? (
        <p className="text-slate-700">{none}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {guides.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-2 px-4 py-3">
              <Link
                href={`/clinics/${clinicId}/guides/${g.id}`}
                className="font-medium break-words text-brand-700 underline-offset-2 hover:underline"
              >
                {g.title}
              </Link>
              <ReviewBadge reviewBy={g.reviewBy} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
