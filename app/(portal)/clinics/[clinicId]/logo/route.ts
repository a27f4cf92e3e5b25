import { requireMember } from "@/lib/authz";
import { findLogoBytes } from "@/lib/clinics/branding";
import { errorResponse, imageResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

// The clinic's logo for its own pages: members only, never sniffed as anything but a PNG, no scripts.
export async function GET(_req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  const { clinicId } = await params;
  try {
    await requireMember(clinicId);
    const logo = await findLogoBytes(clinicId);
    if (!logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
    return imageResponse(logo.bytes, "image/png", logo.sha256);
  } catch (err) {
    return errorResponse(err);
  }
}
