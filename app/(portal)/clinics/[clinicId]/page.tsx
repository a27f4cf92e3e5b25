import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { ROLE_LABELS } from "@/lib/clinics/schemas";
import { findHomeTemplates } from "@/lib/templates/queries";
import { findRecentHandouts } from "@/lib/handouts/queries";
import { findDrafts } from "@/lib/handout-drafts/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmailStatusBadge, LinkStateBadge, VoidBadge } from "@/components/handouts/email-status";
import { getClinicBranding } from "@/lib/clinics/branding";
import { MakeAndEmail } from "./_components/make-and-email";
import { GuidesDue } from "@/components/guides/guides-due";
import { findGuidesDueForReview } from "@/lib/guides/library/review-dates";
import { getsPatientLink } from "@/lib/handouts/link-state";

const when = (d: Date) => d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

// Rows of the same guide differ by who they are for: say so even when nobody was named.
const PreparedFor = ({ name }: { name: string | null }) =>
  name ? <span>For {name}</span> : <span className="text-slate-600">No patient named</span>;

// Where the daily work starts: the clinic's usual handouts one or two clicks away, what was made recently and
// whether it reached the patient, and drafts to finish.
export default async function ClinicHomePage({ params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const base = `/clinics/${clinicId}`;
  const [templates, recent, drafts, clinic, due] = await Promise.all([
    findHomeTemplates(ctx),
    findRecentHandouts(ctx),
    findDrafts(ctx),
    getClinicBranding(clinicId),
    isManager(ctx.role) ? findGuidesDueForReview(ctx) : [],
  ]);
  const empty = templates.length === 0 && recent.length === 0 && drafts.length === 0;
  return (
    <>
      <PageHeader
        title={`Welcome, ${ctx.user.name}`}
        description={`${ctx.clinic.name} · you are ${ROLE_LABELS[ctx.role].toLowerCase()}`}
        actions={
          <Link href={`${base}/handouts/new`} className={buttonClass("primary")}>
            New handout
          </Link>
        }
      />
      <form
        method="get"
        action={`${base}/search`}
        role="search"
        aria-label="Search guides and templates"
        className="mb-6 flex flex-wrap items-end gap-2"
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="home-q" className="text-sm font-medium">
            Find a guide or template
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            required
            maxLength={100}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>

      {empty ? (
        <Card>
          <h2 className="text-lg font-semibold">Getting started</h2>
          <ol className="mt-2 ml-5 list-decimal space-y-1 text-slate-800">
            <li>
              Open the{" "}
              <Link href={`${base}/guides`} className="font-medium text-brand-700 underline">
                guide library
              </Link>
              {isManager(ctx.role) ? (
                <>
                  {" "}
                  or{" "}
                  <Link href={`${base}/guides/import`} className="font-medium text-brand-700 underline">
                    import your clinic’s own guide
                  </Link>
                  .
                </>
              ) : (
                "."
              )}
            </li>
            <li>
              <Link href={`${base}/handouts/new`} className="font-medium text-brand-700 underline">
                Make a handout
              </Link>
              : tick the sections that fit, add your notes, Generate.
            </li>
            <li>
              Save your usual choices as a template (“Save as template” in the builder): next time it is one click from
              here.
            </li>
          </ol>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr] [&>*]:min-w-0">
        <section aria-labelledby="home-templates">
          <h2 id="home-templates" className="mb-3 text-lg font-semibold">
            Your usual handouts
          </h2>
          {templates.length === 0 ? (
            <p className="text-slate-700">No templates yet: save one from the builder with “Save as template”.</p>
          ) : (
            <ul className="space-y-3">
              {templates.map((t) => (
                <li key={t.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-medium break-words">{t.name}</p>
                      <p className="text-sm text-slate-700">
                        {t.sectionKeys.length} section{t.sectionKeys.length === 1 ? "" : "s"} · used {t.timesUsed} time
                        {t.timesUsed === 1 ? "" : "s"}
                        {t.mine ? " · yours" : ""}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <Link href={`${base}/handouts/new?template=${t.id}`} className={buttonClass("primary")}>
                        Make handout<span className="sr-only"> “{t.name}”</span>
                      </Link>
                      <MakeAndEmail
                        clinicId={clinicId}
                        template={{ id: t.id, name: t.name }}
                        withLink={getsPatientLink(t.patientLink, clinic)}
                      />
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <Link href={`${base}/templates`} className="text-brand-700 underline">
              All templates
            </Link>
          </p>
        </section>

        <div className="space-y-6">
          <GuidesDue clinicId={clinicId} guides={due} />
          {drafts.length > 0 && (
            <section aria-labelledby="home-drafts">
              <h2 id="home-drafts" className="mb-3 text-lg font-semibold">
                Drafts to finish
              </h2>
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {drafts.map((d) => (
                  <li key={d.id} className="px-4 py-3">
                    <Link
                      href={`${base}/handouts/new?draft=${d.id}`}
                      className="font-medium break-words text-brand-700 underline-offset-2 hover:underline"
                    >
                      {d.title}
                    </Link>
                    <p className="flex flex-wrap gap-x-2 text-sm text-slate-700">
                      <PreparedFor name={d.preparedFor} />
                      <span>Saved {when(d.updatedAt)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="home-recent">
            <h2 id="home-recent" className="mb-3 text-lg font-semibold">
              Your recent handouts
            </h2>
            {recent.length === 0 ? (
              <p className="text-slate-700">Nothing yet.</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {recent.map((h) => (
                  <li key={h.id} className="px-4 py-3">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`${base}/handouts/${h.id}`}
                        className="font-medium break-words text-brand-700 underline-offset-2 hover:underline"
                      >
                        {h.title}
                      </Link>
                      {h.void && <VoidBadge />}
                    </p>
                    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                      <PreparedFor name={h.preparedFor} />
                      <span>{when(h.createdAt)}</span>
                      <EmailStatusBadge status={h.emailStatus} />
                      <LinkStateBadge link={h.link} voided={!!h.void} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-sm">
              <Link href={`${base}/handouts`} className="text-brand-700 underline">
                All handouts
              </Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
