import { openLink, linkHtml, linkRefused } from "@/lib/links/responses";
import { findLinkedHandout, hasLinkedLogo } from "@/lib/links/queries";
import { recordOpen, recordUnverified } from "@/lib/links/mutations";
import { handoutPageHtml, unverifiedPageHtml } from "@/lib/links/page";

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
  const found = await findLinkedHandout(opened.link);
  if (!found) throw new Error(`patient link ${opened.link.id} has no handout`);
  const { handout, pages, check } = found;
  // What the page would show differs from what the handout printed (or cannot be checked): show none of it.
  // A handout with no seal is one made before seals existed that `npm run db:migrate` has not sealed yet;
  // it is refused too rather than shown unchecked, since the migration step seals every such handout.
  if (check !== "verified") {
    if (counted) await recordUnverified(opened.link, check);
    return linkRefused(
      unverifiedPageHtml(
        {
          name: handout.contact.clinicName || handout.branding.clinicName,
          phone: handout.contact.phone || handout.contact.directPhone,
        },
        handout.language,
      ),
    );
  }
  const [hasLogo] = await Promise.all([
    hasLinkedLogo(opened.link, handout.branding.logoSha256),
    counted ? recordOpen(opened.link) : null,
  ]);
  return linkHtml(handoutPageHtml(handout, { token, hasLogo, pages, expiresAt: opened.link.expiresAt }));
}
