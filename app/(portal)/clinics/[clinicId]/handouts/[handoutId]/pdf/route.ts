import { requireMember } from "@/lib/authz";
import { getHandoutPdfForDownload } from "@/lib/handouts/queries";
import { handoutFileName } from "@/lib/handouts/file-name";
import { errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ clinicId: string; handoutId: string }> }) {
  const { clinicId, handoutId } = await params;
  try {
    const ctx = await requireMember(clinicId);
    const pdf = await getHandoutPdfForDownload(ctx, handoutId);
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.length),
        "Content-Disposition": `attachment; filename="${handoutFileName(pdf.title, pdf.createdAt)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
