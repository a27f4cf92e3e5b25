import type { Metadata } from "next";
import { LockBadge } from "@/components/guides/lock-badge";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { CopyGuideButton, EditGuideButton, MarkReviewedButton } from "../_components/editor-buttons";
import { findCopySource } from "@/lib/guides/editor/copies";
import { ReviewBadge, formatDay } from "@/components/guides/review-badge";
import { getReviewInfo } from "@/lib/guides/library/review-dates";
import { isAppError } from "@/lib/errors";
import { findVariantColumns, getGuide } from "@/lib/guides/library/queries";
import { VariantSection } from "./_components/variant-section";
import { OutcomeNotice } from "./_components/outcome-notice";
import { variantLabel } from "@/lib/guides/variant-labels";
import { codeLabel } from "@/lib/guides/clinical-codes";
import { GuideBlocks } from "@/components/guides/guide-blocks";
import { GradeLabel } from "@/components/guides/grade-label";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Guide" };

export default async function GuidePage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string; guideId: string }>;
  searchParams: Promise<{ version?: string; imported?: string; published?: string }>;
}) {
  const { clinicId, guideId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const { imported, published, ...sp } = await searchParams;
  const requested = Number.parseInt(sp.version ?? "", 10);
  const guide = await getGuide(ctx, guideId, { version: Number.isFinite(requested) ? requested : undefined }).catch(
    (e) => {
      if (isAppError(e)) notFound();
      throw e;
    },
  );
  const { version } = guide;
  const [review, copyOf] = await Promise.all([
    getReviewInfo(ctx, guide.id),
    guide.shared ? null : findCopySource(ctx, guide.id),
  ]);
  const variants = await findVariantColumns(ctx, guide.id);
  const base = `/clinics/${clinicId}/guides/${guide.id}`;
  const content = guide.sections.filter((s) => s.kind !== "references");
  return (
    <>
      <PageHeader
        title={version.title}
        description={version.summary ?? undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            {!guide.shared && isManager(ctx.role) && <EditGuideButton clinicId={clinicId} guideId={guide.id} />}
            {guide.shared && isManager(ctx.role) && <CopyGuideButton clinicId={clinicId} guideId={guide.id} />}
            <Link href={`/clinics/${clinicId}/handouts/new?guide=${guide.id}`} className={buttonClass("primary")}>
              Use in a handout
            </Link>
          </div>
        }
      />
      {version.version === guide.latestVersion && (
        <OutcomeNotice imported={imported} published={published} title={version.title} version={version.version} />
      )}
      {copyOf && (
        <Alert tone={copyOf.latestVersion > copyOf.version ? "warning" : "info"}>
          Your clinic&apos;s copy of the library guide{" "}
          <Link href={`/clinics/${clinicId}/guides/${copyOf.guideId}`} className="underline">
            {copyOf.title}
          </Link>
          , version {copyOf.version}.
          {copyOf.latestVersion > copyOf.version &&
            ` The library now has version ${copyOf.latestVersion}: compare it with your copy and bring over what changed.`}
        </Alert>
      )}
      {version.version !== guide.latestVersion && (
        <Alert tone="warning">
          You are reading version {version.version}.{" "}
          <Link href={base} className="underline">
            Read the newest version ({guide.latestVersion})
          </Link>
          .
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <p className="mb-4">
            <GradeLabel grade={version.grade} words={version.words} language={guide.language} />{" "}
            <span className="text-sm text-slate-700">(whole guide, {variantLabel(guide)})</span>
          </p>
          {version.translationNote && <Alert tone="warning">{version.translationNote}</Alert>}
          {guide.codes.length > 0 && (
            <p className="mb-4 text-sm text-slate-700">Suggested for: {guide.codes.map(codeLabel).join("; ")}</p>
          )}
          {variants.length > 0 && (
            <p className="mb-4 text-sm text-slate-700">
              Each section is shown beside the same section in this guide&apos;s other{" "}
              {variants.length === 1 ? "version" : `${variants.length} versions`} (
              {variants.map((v) => variantLabel(v)).join(", ")}).
            </p>
          )}
          {content.map((s) => (
            <section key={s.key} id={`section-${s.key}`} aria-labelledby={`h-${s.key}`} className="mb-8">
              <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-1">
                <h2 id={`h-${s.key}`} className="text-xl font-semibold">
                  {s.title}
                </h2>
                <div className="flex flex-wrap gap-2">
                  {s.required && <LockBadge reason={s.lockReason} />}
                  {s.changed && version.version > 1 && (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                      Changed in this version
                    </span>
                  )}
                </div>
              </div>
              {variants.length === 0 ? (
                <>
                  <p className="mt-1">
                    <GradeLabel grade={s.grade} words={s.words} language={guide.language} kind={s.kind} />
                  </p>
                  <div className="mt-2 text-base leading-relaxed" lang={guide.language}>
                    <GuideBlocks blocks={s.blocks} images={`/clinics/${clinicId}/guides/images`} />
                  </div>
                </>
              ) : (
                <VariantSection
                  sectionKey={s.key}
                  kind={s.kind}
                  columns={[
                    {
                      key: guide.id,
                      href: base,
                      language: guide.language,
                      level: guide.level,
                      blocks: s.blocks,
                      grade: s.grade,
                      words: s.words,
                      keyPoint: s.keyPoint,
                    },
                    ...variants.map((v) => {
                      const vs = v.sections.get(s.key);
                      return {
                        key: v.guideId,
                        href: `/clinics/${clinicId}/guides/${v.guideId}`,
                        language: v.language,
                        level: v.level,
                        title: vs?.title,
                        blocks: vs?.blocks,
                        grade: vs?.grade,
                        words: vs?.words,
                        keyPoint: vs?.keyPoint,
                      };
                    }),
                  ]}
                />
              )}
            </section>
          ))}
          {guide.references.length > 0 && (
            <section aria-labelledby="h-references">
              <h2 id="h-references" className="border-b border-slate-200 pb-1 text-xl font-semibold">
                References
              </h2>
              <ol className="mt-2 ml-6 list-decimal space-y-1 text-sm">
                {guide.references.map((r) => (
                  <li key={r.key} id={`ref-${r.key}`} className="break-words">
                    {r.text}
                    {r.url && (
                      <>
                        {" "}
                        <a href={r.url} rel="noopener noreferrer" className="text-brand-700 underline">
                          Open source
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </article>
        <aside className="space-y-6">
          <nav aria-label="Sections" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-semibold">Contents</h2>
            <ol className="space-y-1 text-sm">
              {content.map((s) => (
                <li key={s.key}>
                  <a href={`#section-${s.key}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {s.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-labelledby="h-history">
            <h2 id="h-history" className="mb-2 font-semibold">
              Version history
            </h2>
            <ul className="space-y-1">
              {guide.history.map((h) => (
                <li key={h.version}>
                  <Link
                    href={`${base}?version=${h.version}`}
                    aria-current={h.version === version.version ? "page" : undefined}
                    className="text-brand-700 underline underline-offset-2 aria-[current=page]:font-semibold"
                  >
                    Version {h.version}
                  </Link>{" "}
                  · {h.createdAt.toLocaleDateString("en-US", { dateStyle: "medium" })}
                  {h.importedBy && ` · by ${h.importedBy}`}
                  {h.version > 1 && ` · ${h.changedSections} section${h.changedSections === 1 ? "" : "s"} changed`}
                </li>
              ))}
            </ul>
            <p className="mt-3 text-slate-700">
              {guide.shared ? "Shared library guide: changed only by the import command." : "Your clinic's guide."}
              {version.source ? ` Source: ${version.source}` : ""}
              {version.reviewedAt
                ? ` Reviewed ${version.reviewedAt.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}.`
                : ""}
            </p>
            <p className="mt-2 text-slate-700">
              Review by {formatDay(review.reviewBy)}. <ReviewBadge reviewBy={review.reviewBy} />
              {review.lastReviewedAt &&
                ` Last marked reviewed ${formatDay(review.lastReviewedAt)}${review.lastReviewedBy ? ` by ${review.lastReviewedBy}` : ""}.`}
            </p>
            {!guide.shared && isManager(ctx.role) && <MarkReviewedButton clinicId={clinicId} guideId={guide.id} />}
          </section>
        </aside>
      </div>
    </>
  );
}
