import { LOCK_REASONS, type LockReason } from "@/lib/guides/locks";

/** "🔒 Always included: tells the patient when to get care": the lock on a required section, with its reason. */
export function LockBadge({ reason }: { reason: string | null }) {
  const why = reason && reason in LOCK_REASONS ? LOCK_REASONS[reason as LockReason] : "required by the guide";
  return (
    <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
        <path d="M5 7V5a3 3 0 1 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
      </svg>
      Always included: {why}
    </span>
  );
}
