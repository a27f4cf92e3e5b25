import Link from "next/link";

/** Disclosure menu of the user's clinics: plain links, so it works from the keyboard and without script. */
export function ClinicSwitcher({
  current,
  clinics,
}: {
  current: { id: string; name: string };
  clinics: { id: string; name: string }[];
}) {
  if (clinics.length < 2) return <p className="font-semibold text-slate-900">{current.name}</p>;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 font-semibold text-slate-900 hover:bg-slate-100">
        {current.name} <span aria-hidden="true">▾</span>
        <span className="sr-only">(switch clinic)</span>
      </summary>
      <ul
        className="absolute z-20 mt-1 min-w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        aria-label="Your clinics"
      >
        {clinics.map((c) => (
          <li key={c.id}>
            <Link
              href={`/clinics/${c.id}`}
              aria-current={c.id === current.id ? "page" : undefined}
              className="block px-3 py-2 text-sm text-slate-900 hover:bg-slate-100 aria-[current=page]:font-semibold"
            >
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
