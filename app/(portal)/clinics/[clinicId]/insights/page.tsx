import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { findGuidesDueForReview } from "@/lib/guides/library/review-dates";
import { findInsights } from "@/lib/insights/queries";
import { findFilterOptions } from "@/lib/insights/labels";
import { parseInsightsFilters } from "@/lib/insights/schemas";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { GuidesDue } from "@/components/guides/guides-due";
import { InsightsFilterForm } from "./_components/insights-filters";
import { InsightsFigures } from "./_components/insights-figures";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const raw = await searchParams;
  const parsed = parseInsightsFilters(raw);
  const [options, insights, due] = await Promise.all([
    findFilterOptions(ctx),
    parsed.ok ? findInsights(ctx, parsed.filters) : null,
    isManager(ctx.role) ? findGuidesDueForReview(ctx) : null,
  ]);
  const base = `/clinics/${clinicId}/insights`;
  const shown = parsed.ok
    ? parsed.filters
    : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = parsed.ok ? new URLSearchParams(Object.entries(parsed.filters).filter(([, v]) => v)) : null;
  return (
    <>
      <PageHeader
        title="Insights"
        description={
          insights?.scope === "own"
            ? "Your own handouts: what you handed out and what patients did with it."
            : "What the clinic handed out and what patients did with it."
        }
        actions={
          query && (
            <a href={`${base}/csv?${query}`} className={buttonClass("secondary")}>
              Download CSV
            </a>
          )
        }
      />
      <InsightsFilterForm base={base} options={options} filters={shown} />
      {!parsed.ok && <Alert tone="error">{parsed.message}</Alert>}
      {insights && <InsightsFigures insights={insights} />}
      {due && (
        <div className="mt-8">
          <GuidesDue
            clinicId={clinicId}
            guides={due}
            none="None of the clinic's own guides is due for review in the next 30 days."
          />
        </div>
      )}
    </>
  );
}
