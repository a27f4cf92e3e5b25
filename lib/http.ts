import "server-only";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";

// Route handlers answer expected failures with their status; a non-member sees the same 404 as a missing id.
export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const status = err.code === "FORBIDDEN" ? 404 : HTTP_STATUS[err.code];
    return new Response(status === 404 ? "Not found" : err.message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  throw err;
}

/**
 * Route handlers that do work on a POST answer only the portal's own pages: the browser says where a request
 * comes from (Origin, Sec-Fetch-Site), and another site's page cannot make a signed-in clinician's browser
 * spend the server's render time. (The session cookie is SameSite=Lax as well.)
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin) return origin === new URL(env().APP_URL).origin || origin === new URL(req.url).origin;
  return req.headers.get("sec-fetch-site") === "same-origin";
}

/**
 * A stored picture (the logo, a guide's pictures) for the portal's own pages: never sniffed as anything but
 * the image it is, nothing in it can run, and revalidated so a removed membership takes effect.
 */
export function imageResponse(bytes: Uint8Array, contentType: "image/png" | "image/jpeg", sha256: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-cache",
      ETag: `"${sha256}"`,
    },
  });
}
