// On the handouts list: where the handout's filing to the patient's chart stands (nothing when it was never queued).
const LABEL = {
  QUEUED: { text: "Chart: queued", className: "bg-slate-100 text-slate-800" },
  SENDING: { text: "Chart: filing", className: "bg-slate-100 text-slate-800" },
  FILED: { text: "Chart: filed", className: "bg-green-100 text-green-900" },
  FAILED: { text: "Chart: not filed", className: "bg-red-100 text-red-900" },
} as const;

export function ChartBadge({ status }: { status: keyof typeof LABEL | undefined }) {
  if (!status) return null;
  const { text, className } = LABEL[status];
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${className}`}>{text}</span>;
}
