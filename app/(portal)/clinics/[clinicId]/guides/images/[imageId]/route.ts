import { requireMember } from "@/lib/authz";
import { isManager } from "@/lib/member-context";
import { findGuideImage } from "@/lib/guides/library/images";
import { idSchema } from "@/lib/ids";
import { errorResponse, imageResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A guide's picture for the clinic's own pages: members only, and a draft's picture only for the managers
// who edit drafts. Never sniffed as anything but the image it is, and nothing in it can run.
export async function GET(_req: Request, { params }: { params: Promise<{ clinicId: string; imageId: string }> }) {
  const { clinicId, imageId } = await params;
  try {
    const ctx = await requireMember(clinicId);
    const id = idSchema.safeParse(imageId);
    if (!id.success) return notFound();
    const image = await findGuideImage(ctx.clinic.id, id.data, { includeDrafts: isManager(ctx.role) });
    if (!image) return notFound();
    return imageResponse(image.data, image.format === "png" ? "image/png" : "image/jpeg", image.sha256);
  } catch (err) {
    return errorResponse(err);
  }
}
