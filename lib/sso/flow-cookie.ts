import "server-only";
import { z } from "zod";
import { secureCookies } from "@/lib/env";
import { open, seal } from "@/lib/accounts/secret-box";

// A sign-on in progress lives only in the browser that started it: a cookie, sealed (AES-256-GCM) so that
// its PKCE verifier stays secret and nothing in it can be changed, httpOnly, SameSite=Lax (the provider
// sends the browser back with a top-level GET), for 10 minutes, and cleared by the callback whatever
// happens there. A callback in another browser, a second use, or a state or nonce that is not this one's
// signs nobody in.
export const FLOW_TTL_MS = 10 * 60_000;
const CONTEXT = "sso-flow";

const flowSchema = z.object({
  clinicId: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  callbackUrl: z.string(),
  expiresAt: z.number(),
});

export type SignOnFlow = z.infer<typeof flowSchema>;

/** __Host- over https: only this host, path / and Secure, so no subdomain can plant or read one. */
export const flowCookieName = () => (secureCookies() ? "__Host-portal-sso" : "portal-sso");

export const flowCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: secureCookies(),
  maxAge: FLOW_TTL_MS / 1000,
});

export const sealFlow = (flow: SignOnFlow): string => seal(JSON.stringify(flow), CONTEXT);

/** The flow in a cookie value, if it is one this portal sealed and it has not expired. */
export function openFlow(value: string | undefined, now = Date.now()): SignOnFlow | null {
  const text = value ? open(value, CONTEXT) : null;
  if (!text) return null;
  try {
    const flow = flowSchema.parse(JSON.parse(text));
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
}
