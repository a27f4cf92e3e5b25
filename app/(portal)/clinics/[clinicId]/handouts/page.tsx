import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findHandouts } from "@/lib/handouts/queries";
import { handoutListSchema } from "@/lib/handouts/schemas";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Handouts" };

export default async function HandoutsPage({ params, searchParams }: { params: Promise<{ clinicId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const filters = handoutListSchema.parse(await searchParams);
  const { handouts, total, pages, authors } = await findHandouts(ctx, filters);
  const base = `/clinics/${clinicId}/handouts`;
  const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
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
      <form method="get" role="search" aria-label="Filter handouts" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="text-sm font-medium">
            Title or prepared for
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q} className={input} />
        </div>
        <div>
          <label htmlFor="author" className="text-sm font-medium">
            Clinician
          </label>
          <select id="author" name="author" defaultValue={filters.author ?? ""} className={input}>
            <option value="">Anyone</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from} className={input} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to} className={input} />
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
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
          <li key={h.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
            <div className="min-w-0">
              <Link href={`${base}/${h.id}`} className="break-words font-medium text-brand-700 underline-offset-2 hover:underline">
                {h.title}
              </Link>
              <p className="text-sm text-slate-700">
                {h.preparedFor ? `For ${h.preparedFor} · ` : ""}
                {h.guideVersion.title} v{h.guideVersion.version} · {h.pdf?.pages ?? "?"} page{h.pdf?.pages === 1 ? "" : "s"}
              </p>
            </div>
            <p className="text-sm text-slate-700">
              {h.author.name} ·{" "}
              <time dateTime={h.createdAt.toISOString()}>{h.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
          </li>
        ))}
        {handouts.length === 0 && <li className="px-4 py-6 text-center text-slate-700">No handouts match.</li>}
      </ul>
      <Pagination page={filters.page} pages={pages} basePath={base} params={{ q: filters.q, author: filters.author, from: filters.from, to: filters.to }} />
    </>
  );
}
