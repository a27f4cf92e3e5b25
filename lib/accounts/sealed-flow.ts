import "server-only";
import type { z } from "zod";
import { secureCookies } from "@/lib/env";
import { open, seal } from "@/lib/accounts/secret-box";

// A sign-in in progress at another server (single sign-on, an EHR launch) lives only in the browser that
// started it: a cookie, sealed (AES-256-GCM) so that its PKCE verifier stays secret and nothing in it can be
// changed, httpOnly, SameSite=Lax (the other server sends the browser back with a top-level GET), for
// `ttlMs`, and cleared by the callback whatever happens there.
export function sealedFlow<S extends z.ZodType<{ expiresAt: number }>>(context: string, schema: S, ttlMs: number) {
  return {
    ttlMs,
    seal: (flow: z.infer<S>): string => seal(JSON.stringify(flow), context),
    /** The flow in a cookie value, if it is one this portal sealed for `context` and it has not expired. */
    open(value: string | undefined, now = Date.now()): z.infer<S> | null {
      const text = value ? open(value, context) : null;
      if (!text) return null;
      try {
        const flow = schema.parse(JSON.parse(text));
        return flow.expiresAt > now ? flow : null;
      } catch {
        return null;
      }
    },
    cookieOptions: () => ({
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure: secureCookies(),
      maxAge: ttlMs / 1000,
    }),
  };
}
