import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireMemberPage, MANAGERS } from "@/lib/authz";
import { findAuditEvents } from "@/lib/audit/queries";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { idSchema } from "@/lib/ids";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Activity" };

const filtersSchema = z.object({
  action: z.enum(Object.keys(AUDIT_ACTIONS) as [string, ...string[]]).optional().catch(undefined),
  actor: idSchema.optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ clinicId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: MANAGERS });
  const filters = filtersSchema.parse(await searchParams);
  const { events, pages, total, members } = await findAuditEvents(ctx, filters);
  const base = `/clinics/${clinicId}/activity`;
  return (
    <>
      <PageHeader title="Activity" description={`Everything recorded for this clinic, newest first (${total} events). Records cannot be changed or deleted.`} />
      <form method="get" role="search" aria-label="Filter activity" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="action" className="text-sm font-medium">
            What
          </label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className={input}>
            <option value="">Everything</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="actor" className="text-sm font-medium">
            Who
          </label>
          <select id="actor" name="actor" defaultValue={filters.actor ?? ""} className={input}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from} className={input} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to} className={input} />
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          <Link href={base} className={buttonClass("secondary")}>
            Clear
          </Link>
        </div>
      </form>
      {/* A list, not a wide table: each event reads as a sentence on a phone too. */}
      <ol aria-label="Activity log" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {events.map((e) => (
          <li key={e.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:gap-4">
            <time dateTime={e.createdAt.toISOString()} className="text-slate-700">
              {e.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
            </time>
            <p className="min-w-0 break-words">
              <span className="font-medium">{e.actor ? e.actor.name : "The portal"}</span>
              {": "}
              {e.what}
              {e.target && <span className="text-slate-800"> · {e.target}</span>}
            </p>
            <p className="break-all text-slate-600">{e.ip ? `from ${e.ip}` : ""}</p>
          </li>
        ))}
        {events.length === 0 && <li className="px-4 py-6 text-center text-slate-700">Nothing recorded that matches.</li>}
      </ol>
      <Pagination page={filters.page} pages={pages} basePath={base} params={{ action: filters.action, actor: filters.actor, from: filters.from, to: filters.to }} />
    </>
  );
}
