import { requireMember } from "@/lib/authz";
import { getHandoutPdfForDownload } from "@/lib/handouts/queries";
import { handoutFileName } from "@/lib/handouts/file-name";
import { errorResponse } from "@/lib/http";
import { idSchema } from "@/lib/ids";

export const dynamic = "force-dynamic";

// The stored PDF, SHA-256-checked and audited: a download, or with ?print=1 opened in the browser's own
// PDF viewer ("inline"), from where the clinician prints it.
export async function GET(req: Request, { params }: { params: Promise<{ clinicId: string; handoutId: string }> }) {
  const { clinicId, handoutId } = await params;
  try {
    if (!idSchema.safeParse(handoutId).success) return new Response("Not found", { status: 404 });
    const print = new URL(req.url).searchParams.get("print") === "1";
    const ctx = await requireMember(clinicId);
    const pdf = await getHandoutPdfForDownload(ctx, handoutId, print ? "print" : "download");
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.length),
        "Content-Disposition": `${print ? "inline" : "attachment"}; filename="${handoutFileName(pdf.title, pdf.createdAt)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        // The portal's CSP has object-src 'none', which would keep the browser's PDF viewer from showing it.
        "Content-Security-Policy": "default-src 'none'; object-src 'self'; frame-ancestors 'self'",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
