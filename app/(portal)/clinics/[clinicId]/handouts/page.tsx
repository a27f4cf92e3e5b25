import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findHandouts } from "@/lib/handouts/queries";
import { handoutListSchema } from "@/lib/handouts/schemas";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { EmailStatusBadge, LinkOpenedBadge, VoidBadge } from "@/components/handouts/email-status";

export const metadata: Metadata = { title: "Handouts" };

const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export default async function HandoutsPage({ params, searchParams }: { params: Promise<{ clinicId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const filters = handoutListSchema.parse(await searchParams);
  const { handouts, total, pages, authors, templates } = await findHandouts(ctx, filters);
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
      <form method="get" role="search" aria-label="Filter handouts" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <Filter id="q" label="Title or prepared for">
            <input id="q" name="q" type="search" defaultValue={filters.q} className={input} />
          </Filter>
        </div>
        <Filter id="author" label="Clinician">
          <select id="author" name="author" defaultValue={filters.author ?? ""} className={input}>
            <option value="">Anyone</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="template" label="Template">
          <select id="template" name="template" defaultValue={filters.template ?? ""} className={input}>
            <option value="">Any</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="email" label="Email">
          <select id="email" name="email" defaultValue={filters.email ?? ""} className={input}>
            <option value="">Any</option>
            <option value="sent">Emailed</option>
            <option value="queued">Queued or sending</option>
            <option value="failed">Failed</option>
            <option value="none">Not emailed</option>
          </select>
        </Filter>
        <Filter id="voided" label="Void">
          <select id="voided" name="voided" defaultValue={filters.voided ?? ""} className={input}>
            <option value="">Any</option>
            <option value="no">Not void</option>
            <option value="yes">Void</option>
          </select>
        </Filter>
        <Filter id="from" label="From">
          <input id="from" name="from" type="date" defaultValue={filters.from} className={input} />
        </Filter>
        <Filter id="to" label="To">
          <input id="to" name="to" type="date" defaultValue={filters.to} className={input} />
        </Filter>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          <Link href={base} className={buttonClass("secondary")}>
            Clear
          </Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {total} handout{total === 1 ? "" : "s"}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {handouts.map((h) => (
          <li key={h.id} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-baseline">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`${base}/${h.id}`} className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
                  {h.title}
                </Link>
                {h.void && <VoidBadge />}
              </p>
              <p className="text-sm text-slate-700">
                {h.preparedFor ? `For ${h.preparedFor} · ` : ""}
                {h.templateName ? `Template “${h.templateName}” · ` : ""}
                {h.guideVersion.title} v{h.guideVersion.version} · {h.pdf?.pages ?? "?"} page{h.pdf?.pages === 1 ? "" : "s"}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 sm:justify-end">
              <EmailStatusBadge status={h.emailStatus} />
              <LinkOpenedBadge link={h.link} />
              <span>
                {h.author.name} · <time dateTime={h.createdAt.toISOString()}>{h.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</time>
              </span>
            </div>
          </li>
        ))}
        {handouts.length === 0 && <li className="px-4 py-6 text-center text-slate-700">No handouts match.</li>}
      </ul>
      <Pagination page={filters.page} pages={pages} basePath={base} params={{ q: filters.q, author: filters.author, template: filters.template, email: filters.email, voided: filters.voided, from: filters.from, to: filters.to }} />
    </>
  );
}
