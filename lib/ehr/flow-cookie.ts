import "server-only";
import { z } from "zod";
import { secureCookies } from "@/lib/env";
import { open, seal } from "@/lib/accounts/secret-box";

// A launch in progress lives only in the browser that started it, as a single sign-on does
// (lib/sso/flow-cookie.ts): sealed, httpOnly, SameSite=Lax, 10 minutes, cleared by the callback.
export const LAUNCH_TTL_MS = 10 * 60_000;
const CONTEXT = "ehr-launch-flow";

const flowSchema = z.object({
  connectionId: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  expiresAt: z.number(),
});
export type LaunchFlow = z.infer<typeof flowSchema>;

export const launchCookieName = () => (secureCookies() ? "__Host-portal-ehr" : "portal-ehr");
export const linkCookieName = () => (secureCookies() ? "__Host-portal-ehr-link" : "portal-ehr-link");

export const ehrCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: secureCookies(),
  maxAge: LAUNCH_TTL_MS / 1000,
});

export const sealLaunchFlow = (flow: LaunchFlow) => seal(JSON.stringify(flow), CONTEXT);

export function openLaunchFlow(value: string | undefined, now = Date.now()): LaunchFlow | null {
  const text = value ? open(value, CONTEXT) : null;
  if (!text) return null;
  try {
    const flow = flowSchema.parse(JSON.parse(text));
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
}
