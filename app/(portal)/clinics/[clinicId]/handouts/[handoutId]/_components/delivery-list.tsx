"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { retryDeliveryAction } from "../actions";

export type DeliveryRow = {
  id: string;
  status: "QUEUED" | "SENDING" | "SENT" | "FAILED";
  mode: "LINK" | "ATTACHMENT";
  recipientMask: string;
  attempts: number;
  lastError: string | null;
  at: string;
  canRetry: boolean;
};

const LABELS = { QUEUED: "Queued", SENDING: "Sending", SENT: "Sent", FAILED: "Failed" } as const;
const TONES = {
  QUEUED: "bg-slate-100 text-slate-800",
  SENDING: "bg-brand-50 text-brand-800",
  SENT: "bg-green-50 text-green-900",
  FAILED: "bg-red-50 text-red-900",
} as const;

function RetryButton({ clinicId, deliveryId }: { clinicId: string; deliveryId: string }) {
  const [state, action] = useActionState(retryDeliveryAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingText="Retrying…">
        Retry
      </SubmitButton>
      {state.message && !state.ok && <p className="text-sm text-red-800">{state.message}</p>}
    </form>
  );
}

/** Delivery statuses; while any is still on its way, the page refreshes itself every two seconds. */
export function DeliveryList({ clinicId, rows }: { clinicId: string; rows: DeliveryRow[] }) {
  const router = useRouter();
  const pending = rows.some((r) => r.status === "QUEUED" || r.status === "SENDING");
  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [pending, router]);
  if (!rows.length) return <p className="text-sm text-slate-700">Not emailed yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-live="polite">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
          <div className="min-w-0">
            <p>
              <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${TONES[r.status]}`}>
                {LABELS[r.status]}
              </span>
              <span className="break-all">{r.recipientMask}</span>
            </p>
            <p className="text-slate-700">
              <time dateTime={r.at}>
                {new Date(r.at).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {r.mode === "LINK" ? " · link only" : " · PDF attached"}
              {r.attempts > 1 && ` · ${r.attempts} attempts`}
            </p>
            {r.lastError && r.status !== "SENT" && (
              <p className="break-words text-slate-800">
                {r.status === "FAILED" ? "Reason: " : "Last try: "}
                {r.lastError}
              </p>
            )}
          </div>
          {r.canRetry && <RetryButton clinicId={clinicId} deliveryId={r.id} />}
        </li>
      ))}
    </ul>
  );
}
