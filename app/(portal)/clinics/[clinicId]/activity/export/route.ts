import { z } from "zod";
import { requireMember } from "@/lib/authz";
import { errorResponse } from "@/lib/http";
import { idSchema } from "@/lib/ids";
import { exportAuditLog } from "@/lib/audit/export";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["csv", "jsonl"]),
  from: z.iso.date(),
  to: z.iso.date(),
});

// An owner's export of the clinic's audit log for a date range (both days included), streamed as it is read.
export async function GET(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!clinicId.success) return new Response("Not found", { status: 404 });
    const ctx = await requireMember(clinicId.data, { role: ["OWNER"] });
    if (!q.success || q.data.from > q.data.to)
      return new Response("Choose a format (csv or jsonl) and a date range, from before to.", { status: 400 });
    const from = new Date(`${q.data.from}T00:00:00Z`);
    const to = new Date(Date.parse(`${q.data.to}T00:00:00Z`) + 86_400_000);
    const body = await exportAuditLog(ctx, { from, to }, q.data.format);
    const name = `audit-${clinicId.data}-${q.data.from}-to-${q.data.to}.${q.data.format}`;
    return new Response(body, {
      headers: {
        "Content-Type": q.data.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
