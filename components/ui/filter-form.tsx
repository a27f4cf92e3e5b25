import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

// The GET filter forms of the list pages (handouts, activity): labelled fields in a grid, then Filter and Clear.
export const filterInput = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

export function FilterForm({
  label,
  clearHref,
  children,
}: {
  label: string;
  clearHref: string;
  children: React.ReactNode;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {children}
      <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href={clearHref} className={buttonClass("secondary")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

export function Filter({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** From and To, the date range every list page filters by (field names `from` and `to`, as YYYY-MM-DD). */
export function DateRangeFilters({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <Filter id="from" label="From">
        <input id="from" name="from" type="date" defaultValue={from} className={filterInput} />
      </Filter>
      <Filter id="to" label="To">
        <input id="to" name="to" type="date" defaultValue={to} className={filterInput} />
      </Filter>
    </>
  );
}

/** A labelled select of the filter form: "any" first (the empty value), then one option per choice. */
export function SelectFilter({
  id,
  label,
  any,
  value,
  choices,
}: {
  id: string;
  label: string;
  any: string;
  value?: string;
  choices: { value: string; label: string }[];
}) {
  return (
    <Filter id={id} label={label}>
      <select id={id} name={id} defaultValue={value ?? ""} className={filterInput}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Filter>
  );
}
