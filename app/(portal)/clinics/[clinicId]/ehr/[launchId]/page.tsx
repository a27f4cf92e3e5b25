import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/authz";
import { findLaunch } from "@/lib/ehr/launches";
import { findGuidesForConditions } from "@/lib/guides/library/codes";
import { findBuilderGuides } from "@/lib/handout-drafts/builder-data";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Patient from the EHR" };

const SYSTEM_NAMES: Record<string, string> = {
  "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
  "http://snomed.info/sct": "SNOMED CT",
};

// Where a launch from the EHR lands: the patient in context (initials or first name as the clinic allows,
// and the codes of their active conditions), the guides those codes suggest, and every other guide.
export default async function EhrLaunchPage({ params }: { params: Promise<{ clinicId: string; launchId: string }> }) {
  const { clinicId, launchId } = await params;
  const ctx = await requireMemberPage(clinicId);
  const launch = await findLaunch(ctx, launchId);
  if (!launch) notFound();
  const [suggested, guides] = await Promise.all([
    findGuidesForConditions(ctx, launch.conditions),
    findBuilderGuides(ctx),
  ]);
  const suggestedIds = new Set(suggested.map((s) => s.guideId));
  const start = (guideId: string) => `/clinics/${clinicId}/handouts/new?guide=${guideId}&ehr=${launch.id}`;
  return (
    <>
      <PageHeader
        title={`Handout for ${launch.preparedFor ?? "the patient open in the EHR"}`}
        description="Opened from the EHR. The handout you make here is filed to this patient's chart when you generate it."
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Suggested for this patient</h2>
          {suggested.length ? (
            <ul className="space-y-3">
              {suggested.map((g) => (
                <li key={g.guideId}>
                  <Link
                    href={start(g.guideId)}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {g.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {g.how === "code" ? "Matches" : "Covers"}{" "}
                    {g.matched.map((c) => `${c.code}${c.display ? ` ${c.display}` : ""}`).join(", ")}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">
              No guide in your library is coded for this patient&apos;s active conditions. Choose one below.
            </p>
          )}
          <h2 className="mt-6 mb-3 text-lg font-semibold">Other guides</h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {guides
              .filter((g) => !suggestedIds.has(g.id))
              .map((g) => (
                <li key={g.id}>
                  <Link href={start(g.id)} className="text-brand-700 underline-offset-2 hover:underline">
                    {g.title}
                  </Link>
                </li>
              ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">From the chart</h2>
          {launch.conditions.length ? (
            <>
              <p className="mb-2 text-sm text-slate-700">Active conditions:</p>
              <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
                {launch.conditions.map((c) => (
                  <li key={`${c.system}|${c.code}`}>
                    {c.display ?? c.code} ({SYSTEM_NAMES[c.system] ?? c.system} {c.code})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mb-4 text-sm text-slate-700">The chart lists no active conditions.</p>
          )}
          <Link href={`/clinics/${clinicId}`} className={buttonClass("secondary")}>
            Clinic home
          </Link>
        </Card>
      </div>
    </>
  );
}
