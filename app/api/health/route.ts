import { db } from "@/lib/db";
import { warmPdfPool } from "@/lib/pdf/pool";

export const dynamic = "force-dynamic";

export async function GET() {
  // The start script and load balancers poll this at boot: a good moment to start the PDF render threads.
  warmPdfPool();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", db: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
