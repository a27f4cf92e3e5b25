import { requireMember } from "@/lib/authz";
import { getHandoutPdfForView, getHandoutPdfSha } from "@/lib/handouts/queries";
import { errorResponse } from "@/lib/http";
import { idSchema } from "@/lib/ids";

export const dynamic = "force-dynamic";

// The stored PDF as the handout's page draws it (components/pdf/stored-pdf-pages.tsx fetches it after the
// page has loaded, so the bytes are not in the page's payload). What the audit log means:
// - "handout.viewed": the handout's page was opened; the PDF drawn on it is part of that view, so this route
//   records nothing of its own (every page view would otherwise be counted twice);
// - "handout.downloaded" / "handout.printed": the file itself was handed over (../route.ts).
// So that this route cannot stand in for an unaudited download, a browser's navigation to it (opening the
// address in a tab, Sec-Fetch-Dest other than "empty") is sent to the handout's page instead. The same
// member checks and clinic scoping as the page; the browser may keep the bytes for this member only
// (private) and asks again each time (no-cache), getting 304 while the stored bytes' SHA-256 is unchanged.
export async function GET(req: Request, { params }: { params: Promise<{ clinicId: string; handoutId: string }> }) {
  const { clinicId, handoutId } = await params;
  try {
    if (!idSchema.safeParse(handoutId).success) return new Response("Not found", { status: 404 });
    const dest = req.headers.get("sec-fetch-dest");
    if (dest && dest !== "empty")
      return Response.redirect(new URL(`/clinics/${clinicId}/handouts/${handoutId}`, req.url), 303);
    const ctx = await requireMember(clinicId);
    const headers = {
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    };
    const known = req.headers.get("if-none-match");
    if (known) {
      const sha = await getHandoutPdfSha(ctx, handoutId);
      if (known === `"${sha}"`) return new Response(null, { status: 304, headers: { ...headers, ETag: known } });
    }
    const pdf = await getHandoutPdfForView(ctx, handoutId);
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.length),
        "Content-Disposition": "inline",
        ETag: `"${pdf.sha256}"`,
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
