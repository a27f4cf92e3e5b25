import { requireMember } from "@/lib/authz";
import { env } from "@/lib/env";
import { chartBundle } from "@/lib/fhir/bundle";
import { getChartSourceForExport } from "@/lib/handouts/queries";
import { handoutFileName } from "@/lib/handouts/file-name";
import { errorResponse } from "@/lib/http";
import { idSchema } from "@/lib/ids";

export const dynamic = "force-dynamic";

// "Download for the chart": the handout's DocumentReference (the stored PDF's exact bytes) and its emails'
// Communications as one FHIR R4 transaction Bundle, for an EHR that imports files or an interface engine that
// posts it. Outside an EHR there is no Patient id: the Bundle carries the handout's own label only (lib/fhir/bundle.ts).
export async function GET(_req: Request, { params }: { params: Promise<{ clinicId: string; handoutId: string }> }) {
  const { clinicId, handoutId } = await params;
  try {
    if (!idSchema.safeParse(handoutId).success) return new Response("Not found", { status: 404 });
    const ctx = await requireMember(clinicId);
    const source = await getChartSourceForExport(ctx, handoutId);
    const bundle = chartBundle({
      ...source,
      ctx: { portalBaseUrl: env().APP_URL, clinicName: source.clinicName, authorName: source.authorName },
    });
    const body = JSON.stringify(bundle, null, 2);
    const fileName = handoutFileName(source.handout.title, source.handout.createdAt).replace(/\.pdf$/, ".fhir.json");
    return new Response(body, {
      headers: {
        "Content-Type": "application/fhir+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
