import type { Metadata } from "next";
import { z } from "zod";
import { requireMemberPage } from "@/lib/authz";
import { MANAGERS } from "@/lib/member-context";
import { findAuditEvents } from "@/lib/audit/queries";
import { AUDIT_ACTIONS, PAGE_VIEW_ACTIONS } from "@/lib/audit/catalogue";
import { idSchema } from "@/lib/ids";
import { PageHeader } from "@/components/ui/card";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { countLabel } from "@/lib/pagination";
import { cursorParam } from "@/lib/cursor-param";
import { DateRangeFilters, Filter, FilterForm, SelectFilter, filterInput } from "@/components/ui/filter-form";
import { AuditExportForm } from "./_components/audit-export-form";

export const metadata: Metadata = { title: "Activity" };

const filtersSchema = z.object({
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [string, ...string[]])
    .optional()
    .catch(undefined),
  actor: idSchema.optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  views: z.literal("1").optional().catch(undefined),
  after: cursorParam,
  before: cursorParam,
});

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ clinicId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { clinicId } = await params;
  const ctx = await requireMemberPage(clinicId, { role: MANAGERS });
  const filters = filtersSchema.parse(await searchParams);
  const { events, older, newer, total, members } = await findAuditEvents(ctx, {
    ...filters,
    views: filters.views === "1",
  });
  const viewsHidden = !filters.views && !filters.action;
  const base = `/clinics/${clinicId}/activity`;
  return (
    <>
      <PageHeader
        title="Activity"
        description={`Everything recorded for this clinic, newest first (${countLabel(total, "event", "events").toLowerCase()}${viewsHidden ? ", page views left out" : ""}). Records cannot be changed or deleted.`}
      />
      <FilterForm label="Filter activity" clearHref={base}>
        <Filter id="action" label="What">
          <select id="action" name="action" defaultValue={filters.action ?? ""} className={filterInput}>
            <option value="">Everything</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Filter>
        <SelectFilter
          id="actor"
          label="Who"
          any="Anyone"
          value={filters.actor}
          choices={members.map((m) => ({ value: m.id, label: m.name }))}
        />
        <DateRangeFilters from={filters.from} to={filters.to} />
        <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2 lg:col-span-4">
          <input
            type="checkbox"
            name="views"
            value="1"
            defaultChecked={!!filters.views}
            aria-describedby="views-hint"
            className="h-5 w-5 accent-brand-600"
          />
          Include page views
          <span id="views-hint" className="font-normal text-slate-600">
            ({PAGE_VIEW_ACTIONS.map((a) => `“${AUDIT_ACTIONS[a]}”`).join(", ")}: a member opening a handout’s page)
          </span>
        </label>
      </FilterForm>
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
        {events.length === 0 && (
          <li className="px-4 py-6 text-center text-slate-700">Nothing recorded that matches.</li>
        )}
      </ol>
      <KeysetPagination
        newer={newer}
        older={older}
        noun="events"
        basePath={base}
        params={{
          action: filters.action,
          actor: filters.actor,
          from: filters.from,
          to: filters.to,
          views: filters.views,
        }}
      />
      {ctx.role === "OWNER" && <AuditExportForm clinicId={clinicId} today={new Date()} />}
    </>
  );
}
