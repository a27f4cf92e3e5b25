import "server-only";
import { z } from "zod";
import { secureCookies } from "@/lib/env";
import { sealedFlow } from "@/lib/accounts/sealed-flow";

// A launch in progress, in a sealed cookie of the browser that started it (lib/accounts/sealed-flow.ts), for
// 10 minutes, as a single sign-on's is; the link cookie (an EHR user waiting to be linked) lasts as long.
export const LAUNCH_TTL_MS = 10 * 60_000;

const flow = sealedFlow(
  "ehr-launch-flow",
  z.object({
    connectionId: z.string(),
    state: z.string(),
    nonce: z.string(),
    verifier: z.string(),
    expiresAt: z.number(),
  }),
  LAUNCH_TTL_MS,
);

export const launchCookieName = () => (secureCookies() ? "__Host-portal-ehr" : "portal-ehr");
export const linkCookieName = () => (secureCookies() ? "__Host-portal-ehr-link" : "portal-ehr-link");
export const ehrCookieOptions = flow.cookieOptions;
export const sealLaunchFlow = flow.seal;
export const openLaunchFlow = flow.open;
