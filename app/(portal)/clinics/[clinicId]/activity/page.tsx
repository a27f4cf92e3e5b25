import type { Metadata } from "next";
import { requireMemberPage, MANAGERS } from "@/lib/authz";
import { findAuditEvents } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ clinicId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { clinicId } = await params;
  await requireMemberPage(clinicId, { role: MANAGERS });
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { events, pages, total } = await findAuditEvents(clinicId, page);
  return (
    <>
      <PageHeader title="Activity" description={`Everything recorded for this clinic, newest first (${total} events). Records cannot be changed or deleted.`} />
      {/* Focusable so keyboard users can scroll the table sideways on narrow screens. */}
      <div role="region" aria-label="Activity log" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Activity log</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">When</th>
              <th scope="col" className="px-4 py-2 font-semibold">Who</th>
              <th scope="col" className="px-4 py-2 font-semibold">What</th>
              <th scope="col" className="px-4 py-2 font-semibold">From</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {events.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap px-4 py-2">
                  <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td className="px-4 py-2">{e.actor ? e.actor.name : <span className="text-slate-600">—</span>}</td>
                <td className="px-4 py-2">
                  {AUDIT_ACTIONS[e.action as AuditAction] ?? e.action}
                  {e.targetType && <span className="text-slate-600"> · {e.targetType}</span>}
                </td>
                <td className="px-4 py-2 text-slate-700">{e.ip ?? "—"}</td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-slate-700">
                  Nothing recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} basePath={`/clinics/${clinicId}/activity`} />
    </>
  );
}
