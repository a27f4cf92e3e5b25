import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { filterInput } from "@/components/ui/filter-form";

/**
 * Owners: the clinic's audit log for a date range as a file for an auditor (a plain GET form: the download
 * is the answer). Every row carries its place in the clinic's hash chain; `npm run audit:verify -- <file>`
 * checks it.
 */
export function AuditExportForm({ clinicId, today }: { clinicId: string; today: Date }) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const monthAgo = new Date(today);
  monthAgo.setUTCDate(monthAgo.getUTCDate() - 30);
  return (
    <Card className="mt-8">
      <h2 className="text-lg font-semibold">Export for an auditor</h2>
      <p className="mt-1 text-sm text-slate-700">
        Every event of the clinic in the range, page views included, each chained to the one before by a hash, so
        changes and gaps show. The export itself is recorded.
      </p>
      <form
        method="get"
        action={`/clinics/${clinicId}/activity/export`}
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" required defaultValue={day(monthAgo)} className={filterInput} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" required defaultValue={day(today)} className={filterInput} />
        </label>
        <label className="text-sm font-medium">
          Format
          <select name="format" defaultValue="csv" className={filterInput}>
            <option value="csv">CSV (spreadsheets)</option>
            <option value="jsonl">JSON lines</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Download
        </button>
      </form>
    </Card>
  );
}
