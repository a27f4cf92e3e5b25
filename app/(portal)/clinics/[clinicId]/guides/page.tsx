import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { findLibrary } from "@/lib/guides/library/queries";
import { findGuideDrafts } from "@/lib/guides/editor/drafts";
import { isAboveTarget, readingScale } from "@/lib/guides/readability";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { WriteGuideButton } from "./_components/editor-buttons";
import { ReviewBadge } from "@/components/guides/review-badge";

export const metadata: Metadata = { title: "Guide library" };

export default async function LibraryPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { clinicId } = await params;
  const sp = await searchParams;
  const ctx = await requireMemberPage(clinicId);
  const q = (sp.q ?? "").slice(0, 200);
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const [{ guides, total, pages }, drafts] = await Promise.all([
    findLibrary(ctx, { q, page }),
    isManager(ctx.role) ? findGuideDrafts(ctx) : [],
  ]);
  const base = `/clinics/${clinicId}/guides`;
  return (
    <>
      <PageHeader
        title="Guide library"
        description="Your clinic's guides and the shared library. Open one to read it, or start a handout from it."
        actions={
          isManager(ctx.role) ? (
            <div className="flex flex-wrap gap-2">
              <WriteGuideButton clinicId={clinicId} />
              <Link href={`${base}/import`} className={buttonClass("secondary")}>
                Import a guide
              </Link>
            </div>
          ) : undefined
        }
      />
      {drafts.length > 0 && (
        <section aria-labelledby="guide-drafts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="guide-drafts" className="mb-2 font-semibold">
            Guide drafts in progress
          </h2>
          <ul className="space-y-1 text-sm">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link
                  href={`${base}/drafts/${d.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {d.title}
                </Link>{" "}
                · {d.isNew ? "new guide" : "next version"} · saved{" "}
                {d.updatedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form method="get" role="search" aria-label="Search guides" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="text-sm font-medium">
            Search titles and text
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {q
          ? `${total} ${total === 1 ? "guide matches" : "guides match"} “${q}”`
          : `${total} guide${total === 1 ? "" : "s"}`}
      </p>
      <ul className="space-y-3">
        {guides.map((g) => (
          <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">
                <Link href={`${base}/${g.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {g.title}
                </Link>
              </h2>
              <div className="flex flex-wrap gap-2">
                <ReviewBadge reviewBy={g.reviewBy} />
                {g.shared && (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">
                    Shared library
                  </span>
                )}
              </div>
            </div>
            {g.summary && <p className="mt-1 text-slate-700">{g.summary}</p>}
            <p className="mt-2 text-sm text-slate-700">
              {g.sections} sections · reading {readingScale(g.language).unit(g.grade)}
              {isAboveTarget(g.grade, g.language) ? ` (${readingScale(g.language).miss})` : ""}
              {g.variants > 0
                ? ` · ${g.variants} other ${g.variants === 1 ? "version" : "versions"} (reading level, language)`
                : ""}{" "}
              ·{" "}
              {g.reviewedAt
                ? `reviewed ${g.reviewedAt.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}`
                : "not reviewed"}{" "}
              · version {g.version}
            </p>
          </li>
        ))}
        {guides.length === 0 && (
          <li className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-700">
            No guides match. Try fewer or other words.
          </li>
        )}
      </ul>
      <Pagination page={page} pages={pages} basePath={base} params={{ q: q || undefined }} />
    </>
  );
}
