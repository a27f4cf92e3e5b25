import "server-only";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";

// Route handlers answer expected failures with their status; a non-member sees the same 404 as a missing id.
export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const status = err.code === "FORBIDDEN" ? 404 : HTTP_STATUS[err.code];
    return new Response(status === 404 ? "Not found" : err.message, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  throw err;
}

/**
 * Where a request that does work comes from, for route handlers and server actions: the browser says (Origin,
 * Sec-Fetch-Site), and another site's page cannot make a signed-in clinician's browser spend the server's
 * render time or change anything. (The session cookie is SameSite=Lax as well.) The portal's own origin is
 * APP_URL's; without APP_URL (development) it is whatever address the portal was opened at, the Host the
 * request was sent to, so http://127.0.0.1:3000 works as well as http://localhost:3000.
 */
export function originCheck(headers: Headers): { ok: true } | { ok: false; message: string } {
  const origin = headers.get("origin");
  if (!origin)
    return headers.get("sec-fetch-site") === "same-origin"
      ? { ok: true }
      : { ok: false, message: "This request did not come from the portal." };
  const { APP_URL, appUrlConfigured } = env();
  const own = new URL(APP_URL).origin;
  if (origin === own) return { ok: true };
  const host = headers.get("host");
  const servedAt = host ? `${new URL(APP_URL).protocol}//${host}` : null;
  if (origin === servedAt) {
    if (!appUrlConfigured) return { ok: true };
    return {
      ok: false,
      message: `This page was opened at ${origin}, but the portal's address is ${own}. Open it at ${own} and try again.`,
    };
  }
  return { ok: false, message: "This request did not come from the portal." };
}

export function isSameOrigin(req: Request): boolean {
  return originCheck(req.headers).ok;
}

/** The refusal a route handler sends for a request from another origin (403, naming the portal's address). */
export function foreignOrigin(req: Request): Response | null {
  const check = originCheck(req.headers);
  return check.ok
    ? null
    : new Response(check.message, {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
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

/** An httpOnly, SameSite=Lax cookie as a Set-Cookie value, for responses made outside `cookies()` (next-auth's). */
export function setCookieHeader({
  name,
  value,
  options,
}: {
  name: string;
  value: string;
  options: { path: string; maxAge: number; secure: boolean };
}): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}
