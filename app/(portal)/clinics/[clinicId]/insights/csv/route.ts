import { requireMember } from "@/lib/authz";
import { errorResponse } from "@/lib/http";
import { idSchema } from "@/lib/ids";
import { insightsCsv } from "@/lib/insights/csv";
import { findInsights } from "@/lib/insights/queries";
import { parseInsightsFilters } from "@/lib/insights/schemas";

export const dynamic = "force-dynamic";

// The Insights page's figures as CSV, for the same filters and with the same scope (a clinician: their own).
export async function GET(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    if (!clinicId.success) return new Response("Not found", { status: 404 });
    const ctx = await requireMember(clinicId.data);
    const parsed = parseInsightsFilters(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.ok) return new Response(parsed.message, { status: 400 });
    const insights = await findInsights(ctx, parsed.filters);
    const name = `insights-${clinicId.data}-${insights.filters.from}-to-${insights.filters.to}.csv`;
    return new Response(insightsCsv(insights), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
