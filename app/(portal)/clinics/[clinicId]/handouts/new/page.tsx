import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberPage } from "@/lib/authz";
import { isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import {
  builderFromDraft,
  builderFromGuide,
  builderFromHandout,
  builderFromTemplate,
  findBuilderGuides,
} from "@/lib/handout-drafts/builder-data";
import { Card, PageHeader } from "@/components/ui/card";
import { BuilderWithBackup } from "./_components/builder-with-backup";
import { findHandoutFromDraft, hasDraft, type GeneratedFrom } from "@/lib/handout-drafts/queries";
import { buttonClass } from "@/components/ui/button";
import { LANGUAGE_TAG } from "@/lib/guides/import/front-matter";
import { findLaunch } from "@/lib/ehr/launches";

export const metadata: Metadata = { title: "New handout" };

type Search = {
  guide?: string;
  from?: string;
  template?: string;
  draft?: string;
  language?: string;
  level?: string;
  ehr?: string;
};

export default async function NewHandoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<Search>;
}) {
  const { clinicId } = await params;
  const { guide, from, template, draft, language, level, ehr } = await searchParams;
  // "Open in Spanish" and the like: a wish, used only when the guide has that variant.
  const wish = {
    language: typeof language === "string" && LANGUAGE_TAG.test(language) ? language : undefined,
    level: level === "plain" || level === "standard" ? level : undefined,
  };
  const ctx = await requireMemberPage(clinicId);

  if (!guide && !from && !template && !draft) {
    const guides = await findBuilderGuides(ctx);
    return (
      <>
        <PageHeader title="New handout" description="Choose the guide to start from." />
        <ul className="grid gap-4 sm:grid-cols-2">
          {guides.map((g) => (
            <li key={g.id}>
              <Card>
                <h2 className="font-semibold">
                  <Link
                    href={`/clinics/${clinicId}/handouts/new?guide=${g.id}`}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {g.title}
                  </Link>
                </h2>
                {g.summary && <p className="mt-1 text-sm text-slate-700">{g.summary}</p>}
              </Card>
            </li>
          ))}
        </ul>
      </>
    );
  }

  // The address of a draft that is gone: Back after Generate, an old tab, a bookmark.
  if (draft && !(await hasDraft(ctx, draft)))
    return <GoneDraft clinicId={clinicId} handout={await findHandoutFromDraft(ctx, draft)} />;

  const start = await (
    draft
      ? builderFromDraft(ctx, draft)
      : template
        ? builderFromTemplate(ctx, template, wish)
        : from
          ? builderFromHandout(ctx, from)
          : builderFromGuide(ctx, guide!, wish)
  ).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  // Opened for a patient from the EHR: "Prepared for" as the clinic allows, and Generate files to their chart.
  const launch = ehr && !draft ? await findLaunch(ctx, ehr) : null;
  if (launch) {
    start.initial.ehrLaunchId = launch.id;
    if (launch.preparedFor) start.initial.preparedFor = launch.preparedFor;
    start.notices.push("For the patient opened from the EHR: Generate also files the handout to their chart.");
  }
  return (
    <>
      <PageHeader
        title="New handout"
        description={
          <>
            From <strong>{start.guide.title}</strong> (version {start.guide.version}). Your choices are kept as a draft
            as you type (only you see it); Generate PDF makes the handout.
          </>
        }
      />
      <BuilderWithBackup clinicId={clinicId} start={start} />
    </>
  );
}

function GoneDraft({ clinicId, handout }: { clinicId: string; handout: GeneratedFrom | null }) {
  const when = (d: Date) => d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title="New handout" />
      <Card>
        {handout ? (
          <>
            <h2 className="text-lg font-semibold">This draft became a handout</h2>
            <p className="mt-1 text-slate-700">
              “{handout.title}”{handout.preparedFor ? ` for ${handout.preparedFor}` : ""}, made{" "}
              {when(handout.createdAt)}. A draft makes one handout; to make another like it, duplicate it.
            </p>
            <p className="mt-4 flex flex-wrap gap-3">
              <Link href={`/clinics/${clinicId}/handouts/${handout.id}`} className={buttonClass("primary")}>
                Open the handout
              </Link>
              <Link href={`/clinics/${clinicId}/handouts/new?from=${handout.id}`} className={buttonClass("secondary")}>
                Duplicate and edit
              </Link>
            </p>
          </>
        ) : (
          <>
            <h2 className="text-lg font-semibold">This draft is gone</h2>
            <p className="mt-1 text-slate-700">
              It was discarded, or it was more than 7 days old (drafts may hold a patient&apos;s notes, so they do not
              stay longer).
            </p>
            <p className="mt-4">
              <Link href={`/clinics/${clinicId}/handouts/new`} className={buttonClass("primary")}>
                Start a new handout
              </Link>
            </p>
          </>
        )}
      </Card>
    </>
  );
}
