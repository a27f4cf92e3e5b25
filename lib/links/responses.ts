import "server-only";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip.mjs";
import { LINK_HEADERS } from "@/lib/links/link-headers.mjs";
import { takeLinkRequest } from "@/lib/links/rate-limit";
import { lookupLink, type LinkRef } from "@/lib/links/queries";
import { gonePageHtml, tooManyPageHtml } from "@/lib/links/page";

const html = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { ...LINK_HEADERS, "Content-Type": "text/html; charset=utf-8", ...extra } });

export const linkHtml = (body: string) => html(body, 200);

// A live link whose handout fails its seal: the page shows nothing of it, with a server error's status.
export const linkRefused = (body: string) => html(body, 500);

/**
 * The gate of every /h/<token> route: the per-address limit first (429), then the token's single lookup.
 * Anything but a live link answers the one "no longer available" page with 404.
 */
export async function openLink(req: Request, token: string): Promise<{ link: LinkRef } | { response: Response }> {
  const wait = takeLinkRequest(req.headers.get(CLIENT_IP_HEADER));
  if (wait) return { response: html(tooManyPageHtml(), 429, { "Retry-After": String(wait) }) };
  const found = await lookupLink(token);
  if (found.state === "gone") return { response: html(gonePageHtml(found.clinic, found.language), 404) };
  return { link: found.link };
}

export function linkFile(bytes: Buffer, contentType: string, disposition?: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...LINK_HEADERS,
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      ...(disposition ? { "Content-Disposition": disposition } : {}),
    },
  });
}
