import Link from "next/link";

/**
 * "Newer" and "Older" links for a newest-first list paged by cursor (lib/pagination.ts), keeping the filters.
 * No page numbers: a cursor knows where it is, not how many pages lie before it.
 */
export function KeysetPagination({
  newer,
  older,
  basePath,
  params = {},
  noun,
}: {
  newer: string | null;
  older: string | null;
  basePath: string;
  params?: Record<string, string | undefined>;
  noun: string;
}) {
  if (!newer && !older) return null;
  const href = (cursor: Record<string, string>) => {
    const q = new URLSearchParams(
      Object.entries({ ...params, ...cursor }).filter((e): e is [string, string] => !!e[1]),
    );
    return `${basePath}?${q}`;
  };
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
      {newer ? (
        <Link href={href({ before: newer })} className="font-medium text-brand-700 underline">
          Newer {noun}
        </Link>
      ) : (
        <span />
      )}
      {newer ? (
        <Link href={href({})} className="font-medium text-brand-700 underline">
          Newest {noun}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={href({ after: older })} className="font-medium text-brand-700 underline">
          Older {noun}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
