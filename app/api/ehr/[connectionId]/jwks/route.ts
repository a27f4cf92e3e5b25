import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// The portal's public key for one clinic's EHR (SMART "client-confidential-asymmetric"): the EHR fetches it to
// check the portal's client assertions. Public by nature; the private half never leaves the server.
export async function GET(_req: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  const row = await db.ehrConnection.findUnique({
    where: { id: connectionId.slice(0, 64) },
    select: { publicJwk: true },
  });
  if (!row) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json({ keys: [row.publicJwk] }, { headers: { "cache-control": "public, max-age=300" } });
}
