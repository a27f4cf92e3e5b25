import Link from "next/link";
import { ReviewBadge } from "@/components/guides/review-badge";
import type { DueGuide } from "@/lib/guides/library/review-dates";

/** The clinic's own guides due for review within 30 days or overdue: shown to its managers on the home page. */
export function GuidesDue({ clinicId, guides }: { clinicId: string; guides: DueGuide[] }) {
  if (guides.length === 0) return null;
  return (
    <section aria-labelledby="home-review">
      <h2 id="home-review" className="mb-3 text-lg font-semibold">
        Guides due for review
      </h2>
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
    </section>
  );
}
