import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findHandouts } from "@/lib/handouts/queries";
import { handoutListSchema } from "@/lib/handouts/schemas";
import { PageHeader } from "@/components/ui/card";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { countLabel } from "@/lib/pagination";
import { buttonClass } from "@/components/ui/button";
import { DateRangeFilters, Filter, FilterForm, SelectFilter, filterInput } from "@/components/ui/filter-form";
import { EmailStatusBadge, LinkStateBadge, VoidBadge } from "@/components/handouts/email-status";
import { ChartBadge } from "@/components/handouts/chart-badge";
import { findChartStates } from "@/lib/ehr/chart-status";

export const metadata: Metadata = { title: "Handouts" };

export default async function HandoutsPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const filters = handoutListSchema.parse(await searchParams);
  const { handouts, total, older, newer, authors, templates } = await findHandouts(ctx, filters);
  const chart = await findChartStates(
    ctx.clinic.id,
    handouts.map((h) => h.id),
  );
  const base = `/clinics/${clinicId}/handouts`;
  return (
    <>
      <PageHeader
        title="Handouts"
        description="Every handout the clinic generated, newest first: exactly what each patient was given."
        actions={
          <Link href={`${base}/new`} className={buttonClass("primary")}>
            New handout
          </Link>
        }
      />
      <FilterForm label="Filter handouts" clearHref={base}>
        <Filter id="q" label="Title or prepared for" className="sm:col-span-2">
          <input id="q" name="q" type="search" defaultValue={filters.q} className={filterInput} />
        </Filter>
        <SelectFilter
          id="author"
          label="Clinician"
          any="Anyone"
          value={filters.author}
          choices={authors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectFilter
          id="template"
          label="Template"
          any="Any"
          value={filters.template}
          choices={templates.map((t) => ({ value: t.id, label: t.name }))}
        />
        <Filter id="email" label="Email">
          <select id="email" name="email" defaultValue={filters.email ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="sent">Emailed</option>
            <option value="queued">Queued or sending</option>
            <option value="failed">Failed</option>
            <option value="none">Not emailed</option>
          </select>
        </Filter>
        <Filter id="voided" label="Void">
          <select id="voided" name="voided" defaultValue={filters.voided ?? ""} className={filterInput}>
            <option value="">Any</option>
            <option value="no">Not void</option>
            <option value="yes">Void</option>
          </select>
        </Filter>
        <DateRangeFilters from={filters.from} to={filters.to} />
      </FilterForm>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {countLabel(total, "handout", "handouts")}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {handouts.map((h) => (
          <li key={h.id} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-baseline">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <Link
                  href={`${base}/${h.id}`}
                  className="font-medium break-words text-brand-700 underline-offset-2 hover:underline"
                >
                  {h.title}
                </Link>
                {h.void && <VoidBadge />}
              </p>
              <p className="text-sm text-slate-700">
                {h.preparedFor ? `For ${h.preparedFor} · ` : ""}
                {h.templateName ? `Template “${h.templateName}” · ` : ""}
                {h.guideVersion.title} v{h.guideVersion.version} · {h.pdf?.pages ?? "?"} page
                {h.pdf?.pages === 1 ? "" : "s"}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 sm:justify-end">
              <EmailStatusBadge status={h.emailStatus} />
              <LinkStateBadge link={h.link} voided={!!h.void} />
              <ChartBadge status={chart.get(h.id)} />
              <span>
                {h.author.name} ·{" "}
                <time dateTime={h.createdAt.toISOString()}>
                  {h.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </span>
            </div>
          </li>
        ))}
        {handouts.length === 0 && <li className="px-4 py-6 text-center text-slate-700">No handouts match.</li>}
      </ul>
      <KeysetPagination
        newer={newer}
        older={older}
        noun="handouts"
        basePath={base}
        params={{
          q: filters.q,
          author: filters.author,
          template: filters.template,
          email: filters.email,
          voided: filters.voided,
          from: filters.from,
          to: filters.to,
        }}
      />
    </>
  );
}
