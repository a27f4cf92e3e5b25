import { share, type Counts } from "@/lib/insights/figures";
import type { Group } from "@/lib/insights/queries";

// One breakdown (per clinician, guide, template, language and level) as a table: what was made, how it
// reached patients and whether they opened it. Shares of fewer than ten are told as counts ("3 of 7").

const COLUMNS: { heading: string; cell: (c: Counts) => string }[] = [
  { heading: "Handouts made", cell: (c) => c.handouts.toLocaleString("en-US") },
  { heading: "Patient links opened", cell: (c) => share(c.linksOpened, c.linksMade) },
  { heading: "Link opens", cell: (c) => c.opens.toLocaleString("en-US") },
  { heading: "Emails sent", cell: (c) => share(c.emailsSent, c.emailsLink + c.emailsAttachment) },
  { heading: "Print views", cell: (c) => c.printViews.toLocaleString("en-US") },
];

export function BreakdownTable({
  id,
  title,
  what,
  groupHeading,
  groups,
}: {
  id: string;
  title: string;
  what: string;
  groupHeading: string;
  groups: Group[];
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{what}</p>
      {groups.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">No handouts in this range.</p>
      ) : (
        // Wide on a phone: the table scrolls sideways on its own, reachable by keyboard.
        <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <caption id={`${id}-caption`} className="sr-only">
              {title}: the numbers
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {groupHeading}
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.heading} scope="col" className="py-1 pr-3 text-right font-medium">
                    {c.heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal break-words">
                    {g.label}
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c.heading} className="py-1 pr-3 text-right tabular-nums">
                      {c.cell(g.counts)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
