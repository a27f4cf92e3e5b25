const TONES = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-600 bg-brand-50 text-brand-800",
  warning: "border-amber-700 bg-amber-50 text-amber-900",
} as const;

/** A message box; errors are announced to screen readers as they appear. */
export function Alert({
  tone = "info",
  children,
  id,
}: {
  tone?: keyof typeof TONES;
  children: React.ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-md border-l-4 px-4 py-3 text-sm ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
