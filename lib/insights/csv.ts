import "server-only";
import { csvCell } from "@/lib/audit/export";
import { FIRST_OPEN_BUCKETS, type Counts } from "@/lib/insights/figures";
import type { Insights, Kind } from "@/lib/insights/queries";

// The Insights figures as CSV: one row per group of each breakdown (the whole range first; a period by the day
// it starts), every counter a column, the cells written by the audit export's writer (quoted when they must be, formulas defused).

const COLUMNS: [string, (c: Counts) => number][] = [
  ["handouts_made", (c) => c.handouts],
  ["handouts_voided", (c) => c.voided],
  ["patient_links_made", (c) => c.linksMade],
  ["patient_links_opened", (c) => c.linksOpened],
  ["patient_link_opens", (c) => c.opens],
  ["emails_link_only", (c) => c.emailsLink],
  ["emails_pdf_attached", (c) => c.emailsAttachment],
  ["emails_sent", (c) => c.emailsSent],
  ["emails_failed", (c) => c.emailsFailed],
  ["emails_waiting", (c) => c.emailsWaiting],
  ["print_views", (c) => c.printViews],
  ["pdf_downloads", (c) => c.downloads],
  ...FIRST_OPEN_BUCKETS.map((b, i): [string, (c: Counts) => number] => [
    `first_opened_${b.replace(/ /g, "_")}`,
    (c) => c.firstOpen[i] ?? 0,
  ]),
];

export const INSIGHTS_CSV_HEADER = ["breakdown", "group", ...COLUMNS.map(([name]) => name)];

const BREAKDOWNS: [Kind, string][] = [
  ["period", "period"],
  ["author", "clinician"],
  ["guide", "guide"],
  ["template", "template"],
  ["variant", "language and level"],
];

export function insightsCsv(insights: Insights): string {
  const line = (cells: (string | number)[]) => `${cells.map(csvCell).join(",")}\r\n`;
  const row = (breakdown: string, group: string, c: Counts) =>
    line([breakdown, group, ...COLUMNS.map(([, v]) => v(c))]);
  const { filters: f } = insights;
  let out = line(INSIGHTS_CSV_HEADER) + row("all", `${f.from} to ${f.to}`, insights.total);
  for (const [kind, name] of BREAKDOWNS)
    for (const g of insights.groups[kind])
      out += row(kind === "period" ? insights.period : name, kind === "period" ? g.key : g.label, g.counts);
  return out;
}
