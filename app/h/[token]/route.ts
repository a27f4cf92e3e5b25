import { openLink, linkHtml } from "@/lib/links/responses";
import { getLinkedHandout, hasLinkedLogo } from "@/lib/links/queries";
import { recordOpen } from "@/lib/links/mutations";
import { handoutPageHtml } from "@/lib/links/page";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

// The patient's web version of the handout: no sign-in, no script, nothing else of the portal. Each GET
// counts as one opening (HEAD, which link checkers send, does not).
export async function GET(req: Request, { params }: Params) {
  return page(req, (await params).token, true);
}

export async function HEAD(req: Request, { params }: Params) {
  const res = await page(req, (await params).token, false);
  return new Response(null, { status: res.status, headers: res.headers });
}

async function page(req: Request, token: string, counted: boolean): Promise<Response> {
  const opened = await openLink(req, token);
  if ("response" in opened) return opened.response;
  const handout = await getLinkedHandout(opened.link);
  if (!handout) throw new Error(`patient link ${opened.link.id} has no handout`);
  const [hasLogo] = await Promise.all([hasLinkedLogo(opened.link, handout.branding.logoSha256), counted ? recordOpen(opened.link) : null]);
  return linkHtml(handoutPageHtml(handout, { token, hasLogo }));
}
