import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { findTemplates } from "@/lib/templates/queries";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const q = ((await searchParams).q ?? "").slice(0, 80);
  const templates = await findTemplates(ctx, { q: q || undefined });
  const base = `/clinics/${clinicId}`;
  return (
    <>
      <PageHeader
        title="Templates"
        description="Common handouts, one click away. Save one from the handout builder with “Save as template”."
      />
      <form method="get" role="search" aria-label="Search templates" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="text-sm font-medium">
            Search by name
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
      <ul className="space-y-3">
        {templates.map((t) => (
          <li key={t.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">{t.name}</h2>
              <div className="flex flex-wrap gap-2">
                <Link
                  href={`${base}/handouts/new?template=${t.id}`}
                  aria-label={`New handout from template: ${t.name}`}
                  className={buttonClass("primary")}
                >
                  New handout from template
                </Link>
                {t.canEdit && (
                  <Link
                    href={`${base}/templates/${t.id}`}
                    aria-label={`Edit ${t.name}`}
                    className={buttonClass("secondary")}
                  >
                    Edit
                  </Link>
                )}
              </div>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {t.guideTitle} · {t.sectionTitles.join(", ")}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              By {t.createdByName} · used {t.timesUsed} time{t.timesUsed === 1 ? "" : "s"}
              {t.lastUsedAt ? `, last on ${t.lastUsedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}` : ""}
            </p>
            {t.stale.length > 0 && (
              <p className="mt-2 rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                The guide changed since this template was saved:{" "}
                {t.stale.map((s) => `${s.title}${s.removed ? " (removed)" : ""}`).join(", ")}. New handouts use the
                newest text.
              </p>
            )}
          </li>
        ))}
        {templates.length === 0 && (
          <li className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-700">
            No templates yet.
          </li>
        )}
      </ul>
    </>
  );
}
