"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { fileToChartAction } from "../actions";
import type { ChartFilingRow } from "@/lib/ehr/chart-status";

// A filing as the page hands it over: its date as text (a client component gets plain values).
export type ChartRow = Omit<ChartFilingRow, "filedAt" | "updatedAt"> & { at: string };

const WHAT = (key: string) =>
  key === "document"
    ? "The handout (DocumentReference)"
    : key === "void"
      ? "Marked entered in error"
      : "Email sent (Communication)";

function state(row: ChartRow): string {
  if (row.status === "FILED") return `Filed as ${row.resourceRef}`;
  if (row.status === "FAILED") return `Not filed: ${row.lastError ?? "the EHR refused it"}`;
  if (row.attempts > 0 && row.lastError) return `Waiting to try again (${row.lastError})`;
  return "Queued";
}

/** On the handout page: what was filed to the patient's chart in the EHR, and "File to chart" when it can be. */
export function ChartPanel({
  clinicId,
  handoutId,
  rows,
  canFile,
}: {
  clinicId: string;
  handoutId: string;
  rows: ChartRow[];
  canFile: boolean;
}) {
  const [result, action] = useActionState(fileToChartAction.bind(null, clinicId), initialFormState);
  const document = rows.find((r) => r.key === "document");
  return (
    <>
      {rows.length ? (
        <ul className="mb-3 space-y-2 text-sm">
          {rows.map((r) => (
            <li key={r.key}>
              <span className="font-medium">{WHAT(r.key)}</span> for {r.patient}:{" "}
              <span className={r.status === "FAILED" ? "text-red-800" : undefined}>{state(r)}</span>{" "}
              <span className="text-slate-600">
                ({new Date(r.at).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-700">Not filed to a chart.</p>
      )}
      {canFile && (!document || document.status === "FAILED") && (
        <form action={action}>
          {result.ok && result.message && <Alert tone="success">{result.message}</Alert>}
          <ErrorSummary state={result} />
          <input type="hidden" name="handoutId" value={handoutId} />
          <SubmitButton variant="secondary" pendingText="Queuing…">
            {document ? "Try filing again" : "File to chart"}
          </SubmitButton>
        </form>
      )}
    </>
  );
}
