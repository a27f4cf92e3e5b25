// The state of a handout's latest email and of its patient link, as badges (list, home page).
export type EmailStatus = "QUEUED" | "SENDING" | "SENT" | "FAILED" | null;

const LABELS = { QUEUED: "Email queued", SENDING: "Email sending", SENT: "Emailed", FAILED: "Email failed" } as const;
const TONES = {
  QUEUED: "bg-slate-100 text-slate-800",
  SENDING: "bg-brand-50 text-brand-800",
  SENT: "bg-green-50 text-green-900",
  FAILED: "bg-red-50 text-red-900",
} as const;

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  if (!status) return <span className="text-sm text-slate-600">Not emailed</span>;
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status]}`}>{LABELS[status]}</span>;
}

export function VoidBadge() {
  return <span className="rounded bg-slate-800 px-2 py-0.5 text-xs font-semibold text-white">Void</span>;
}

type LinkState = { openCount: number; firstOpenedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

const opened = (n: number) => (n > 1 ? `opened ${n}×` : "opened once");

/**
 * The state of the handout's patient link, next to the email status (nothing when it has none): whether it still
 * opens and how often the patient opened it. A withdrawn or expired link says so first: "opened 2×" alone would
 * read as a live link.
 */
export function LinkStateBadge({ link, voided = false }: { link: LinkState | null; voided?: boolean }) {
  if (!link) return null;
  const first = link.firstOpenedAt
    ? `First opened ${link.firstOpenedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}`
    : undefined;
  const ended = link.revokedAt || voided ? "Link withdrawn" : link.expiresAt <= new Date() ? "Link expired" : null;
  if (ended) {
    return (
      <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800" title={first}>
        {ended}
        {link.openCount ? ` · ${opened(link.openCount)}` : " · never opened"}
      </span>
    );
  }
  if (!link.openCount) return <span className="text-sm text-slate-600">Link not opened</span>;
  return (
    <span className="rounded bg-green-50 px-2 py-0.5 text-xs font-semibold text-green-900" title={first}>
      Link opened{link.openCount > 1 ? ` ${link.openCount}×` : ""}
    </span>
  );
}
