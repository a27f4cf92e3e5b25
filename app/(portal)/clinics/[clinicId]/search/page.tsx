import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireMemberPage } from "@/lib/authz";
import { findLibrary } from "@/lib/guides/library/queries";
import { searchTemplates } from "@/lib/templates/queries";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Search" };

// The clinic home's search box: guides (full-text, as the library searches) and templates (by name).
export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const q = z
    .string()
    .trim()
    .max(100)
    .catch("")
    .parse((await searchParams).q ?? "");
  const base = `/clinics/${clinicId}`;
  const [library, templates] = q
    ? await Promise.all([findLibrary(ctx, { q }), searchTemplates(ctx, q)])
    : [{ guides: [] }, []];
  return (
    <>
      <PageHeader title={q ? `Results for “${q}”` : "Search"} />
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <section aria-labelledby="found-templates">
          <h2 id="found-templates" className="mb-3 text-lg font-semibold">
            Templates ({templates.length})
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span className="font-medium break-words">{t.name}</span>
                <Link href={`${base}/handouts/new?template=${t.id}`} className={buttonClass("primary")}>
                  Make handout<span className="sr-only"> “{t.name}”</span>
                </Link>
              </li>
            ))}
            {templates.length === 0 && <li className="px-4 py-3 text-slate-700">No template has that in its name.</li>}
          </ul>
        </section>
        <section aria-labelledby="found-guides">
          <h2 id="found-guides" className="mb-3 text-lg font-semibold">
            Guides ({library.guides.length})
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {library.guides.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <Link
                  href={`${base}/guides/${g.id}`}
                  className="font-medium break-words text-brand-700 underline-offset-2 hover:underline"
                >
                  {g.title}
                </Link>
                <Link href={`${base}/handouts/new?guide=${g.id}`} className={buttonClass("secondary")}>
                  Use in a handout<span className="sr-only"> “{g.title}”</span>
                </Link>
              </li>
            ))}
            {library.guides.length === 0 && <li className="px-4 py-3 text-slate-700">No guide matches.</li>}
          </ul>
        </section>
      </div>
    </>
  );
}
