// A horizontal bar chart drawn on the server as SVG (no script), each bar named and numbered beside it, so it
// reads without colour; the same numbers follow in a table. Bars run across, not up: a name above each bar
// fits a phone at 320 px as well as a desktop.

export type Bar = { label: string; value: number; note?: string };

const W = 280;
const ROW = 40;
const VALUE_SPACE = 56;
// A pattern per bar where bars are different kinds of thing (how handouts reached patients), so a bar keeps
// its identity in greyscale and print as well as by its name.
const PATTERNS = [
  null,
  <path key="p" d="M0 6 L6 0" stroke="#1e293b" strokeWidth="1.5" />,
  <circle key="p" cx="3" cy="3" r="1.4" fill="#1e293b" />,
  <path key="p" d="M0 3 H6 M3 0 V6" stroke="#1e293b" strokeWidth="1.2" />,
  <path key="p" d="M0 0 L6 6" stroke="#1e293b" strokeWidth="1.5" />,
  <path key="p" d="M0 3 H6" stroke="#1e293b" strokeWidth="1.5" />,
];

const clip = (s: string, n = 42) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function BarChart({
  id,
  title,
  what,
  bars,
  labelHeading,
  valueHeading,
  patterned = false,
}: {
  id: string;
  title: string;
  // What each bar counts, in a sentence: part of the chart's accessible name.
  what: string;
  bars: Bar[];
  labelHeading: string;
  valueHeading: string;
  patterned?: boolean;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </h3>
      <p id={`${id}-what`} className="mt-1 text-sm text-slate-700">
        {what}
      </p>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-what`}
        viewBox={`0 0 ${W} ${height}`}
        className="mt-3 h-auto w-full max-w-[22rem]"
      >
        {patterned && (
          <defs>
            {PATTERNS.map(
              (p, i) =>
                p && (
                  <pattern key={i} id={`${id}-p${i}`} width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" fill="#e2e8f0" />
                    {p}
                  </pattern>
                ),
            )}
          </defs>
        )}
        {bars.map((b, i) => {
          const y = i * ROW;
          const width = (b.value / max) * (W - VALUE_SPACE);
          const pattern = patterned ? i % PATTERNS.length : 0;
          return (
            <g key={`${b.label}-${i}`}>
              <text x="0" y={y + 14} fontSize="13" fill="#0f172a">
                {clip(b.label)}
              </text>
              <rect
                x="0"
                y={y + 20}
                width={Math.max(width, b.value > 0 ? 2 : 0)}
                height="14"
                fill={pattern ? `url(#${id}-p${pattern})` : "#334155"}
                stroke="#1e293b"
                strokeWidth={b.value > 0 ? 1 : 0}
              />
              <text x={width + 6} y={y + 32} fontSize="13" fill="#0f172a">
                {b.value.toLocaleString("en-US")}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="mt-3 w-full max-w-xl text-sm">
        <caption className="sr-only">{title}: the numbers</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-2 font-medium">
              {labelHeading}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {valueHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b, i) => (
            <tr key={`${b.label}-${i}`} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal break-words">
                {b.label}
              </th>
              <td className="py-1 text-right tabular-nums">
                {b.value.toLocaleString("en-US")}
                {b.note && <span className="block text-xs text-slate-700">{b.note}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
