import "server-only";
import { z } from "zod";
import { secureCookies } from "@/lib/env";
import { sealedFlow } from "@/lib/accounts/sealed-flow";

// A sign-on in progress, in a sealed cookie of the browser that started it (lib/accounts/sealed-flow.ts), for
// 10 minutes. A callback in another browser, a second use, or a state or nonce that is not this one's signs
// nobody in.
export const FLOW_TTL_MS = 10 * 60_000;

const flow = sealedFlow(
  "sso-flow",
  z.object({
    clinicId: z.string(),
    state: z.string(),
    nonce: z.string(),
    verifier: z.string(),
    callbackUrl: z.string(),
    expiresAt: z.number(),
  }),
  FLOW_TTL_MS,
);

export type SignOnFlow = NonNullable<ReturnType<typeof flow.open>>;

/** __Host- over https: only this host, path / and Secure, so no subdomain can plant or read one. */
export const flowCookieName = () => (secureCookies() ? "__Host-portal-sso" : "portal-sso");
export const flowCookieOptions = flow.cookieOptions;
export const sealFlow = flow.seal;
export const openFlow = flow.open;
