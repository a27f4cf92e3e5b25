import { detectImageKind } from "@/lib/clinics/image-kind";
import { openLink, linkFile } from "@/lib/links/responses";
import { findLinkedLogo } from "@/lib/links/queries";
import { LINK_HEADERS } from "@/lib/links/link-headers.mjs";

export const dynamic = "force-dynamic";

// The clinic's logo on the patient page, only while it is the one the handout was made with.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const opened = await openLink(req, (await params).token);
  if ("response" in opened) return opened.response;
  const logo = await findLinkedLogo(opened.link);
  const kind = logo ? detectImageKind(logo) : null;
  if (!logo || !kind) return new Response(null, { status: 404, headers: LINK_HEADERS });
  return linkFile(logo, `image/${kind}`);
}
