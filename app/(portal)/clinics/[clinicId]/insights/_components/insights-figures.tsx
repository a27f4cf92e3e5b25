import { FIRST_OPEN_BUCKETS, medianBucket, periodLabel, share } from "@/lib/insights/figures";
import type { Insights } from "@/lib/insights/queries";
import { BarChart } from "./bar-chart";
import { BreakdownTable } from "./breakdown-table";

const n = (v: number) => v.toLocaleString("en-US");

/** Every Insights figure for the range: key figures, charts (each with its table), then the breakdowns. */
export function InsightsFigures({ insights }: { insights: Insights }) {
  const { total: t, period, groups, filters } = insights;
  const emails = t.emailsLink + t.emailsAttachment;
  const median = medianBucket(t.firstOpen);
  const per = period === "week" ? "week" : "month";
  const periods = groups.period.map((g) => ({ label: periodLabel(g.key, period), counts: g.counts }));
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        From {filters.from} to {filters.to} (days in UTC). Every figure is about the handouts made in this range,
        {insights.scope === "own" ? " your own only" : ""} except link opens over time, which counts openings on the day
        they happened.
      </p>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <KeyFigure
          term="Handouts made"
          value={n(t.handouts)}
          note={t.voided ? `${n(t.voided)} of them voided later` : undefined}
        />
        <KeyFigure
          term="Patient links opened"
          value={share(t.linksOpened, t.linksMade)}
          note="of the handouts' patient links, opened at least once"
        />
        <KeyFigure
          term="Median time to first open"
          value={median ?? "no link opened yet"}
          note={
            median
              ? `the bucket that holds the median of ${n(t.linksOpened)} opened link${t.linksOpened === 1 ? "" : "s"}`
              : undefined
          }
        />
        <KeyFigure
          term="Emails sent"
          value={share(t.emailsSent, emails)}
          note={t.emailsFailed ? `${n(t.emailsFailed)} failed` : emails ? "none failed" : undefined}
        />
      </dl>
      <h2 className="text-lg font-semibold">Charts</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          id="made"
          title={`Handouts made per ${per}`}
          what={`Handouts made each ${per}, voided ones included.`}
          labelHeading={per === "week" ? "Week" : "Month"}
          valueHeading="Handouts"
          bars={periods.map((p) => ({ label: p.label, value: p.counts.handouts }))}
        />
        <BarChart
          id="reach"
          title="How handouts reached patients"
          what="Handouts with a patient link; emails by what they carried; times a member opened the PDF to print or downloaded it (a handout can count more than once)."
          labelHeading="How"
          valueHeading="Count"
          patterned
          bars={[
            { label: "Handouts with a patient link", value: t.linksMade },
            { label: "Emails with the link only", value: t.emailsLink },
            { label: "Emails with the PDF attached", value: t.emailsAttachment },
            { label: "Opened for printing", value: t.printViews },
            { label: "PDF downloaded", value: t.downloads },
          ]}
        />
        <BarChart
          id="email"
          title="Email delivery"
          what="Emails of these handouts by where they are now. Sent means the patient's mail server accepted it; a bounce it reports later is not seen by the portal."
          labelHeading="State"
          valueHeading="Emails"
          patterned
          bars={[
            { label: "Sent", value: t.emailsSent, note: share(t.emailsSent, emails) },
            { label: "Failed", value: t.emailsFailed, note: share(t.emailsFailed, emails) },
            { label: "Waiting to be sent or retried", value: t.emailsWaiting, note: share(t.emailsWaiting, emails) },
          ]}
        />
        <BarChart
          id="first-open"
          title="Time to first open"
          what="Patient links by how long after the handout was made the patient first opened them."
          labelHeading="First opened"
          valueHeading="Links"
          bars={FIRST_OPEN_BUCKETS.map((b, i) => ({ label: b, value: t.firstOpen[i] ?? 0 }))}
        />
        <BarChart
          id="opens"
          title={`Link opens per ${per}`}
          what={`Every counted opening of these handouts' patient links, by the ${per} it happened in.`}
          labelHeading={per === "week" ? "Week" : "Month"}
          valueHeading="Opens"
          bars={periods.map((p) => ({ label: p.label, value: p.counts.opens }))}
        />
      </div>
      <h2 className="text-lg font-semibold">Breakdowns</h2>
      <div className="space-y-4">
        {insights.scope === "clinic" && (
          <BreakdownTable
            id="by-clinician"
            title="By clinician"
            what="Handouts by the member who made them."
            groupHeading="Clinician"
            groups={groups.author}
          />
        )}
        <BreakdownTable
          id="by-guide"
          title="By guide"
          what="Handouts by the guide they were made from (its language and reading-level variants together)."
          groupHeading="Guide"
          groups={groups.guide}
        />
        <BreakdownTable
          id="by-template"
          title="By template"
          what="Handouts by the template they started from."
          groupHeading="Template"
          groups={groups.template}
        />
        <BreakdownTable
          id="by-variant"
          title="By language and reading level"
          what="Handouts by the language and reading level of the guide variant they were made from."
          groupHeading="Language and level"
          groups={groups.variant}
        />
      </div>
    </div>
  );
}

function KeyFigure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{term}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900">{value}</dd>
      {note && <dd className="text-sm text-slate-700">{note}</dd>}
    </div>
  );
}
