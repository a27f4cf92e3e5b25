import "server-only";
import { requiresSecondFactor, secondFactorMethods } from "@/lib/accounts/second-factor";
import { findTrustedBrowser } from "@/lib/accounts/trusted-browsers";
import { startPendingSignIn, type PendingCookie } from "@/lib/accounts/pending-sign-in";

export type AfterPassword =
  { next: "session"; via?: "trusted-browser" } | { next: "second-factor" | "enrol"; cookie: PendingCookie };

// Where the step after a right password is the second step, its path (the sign-in form and the invite page go there).
export const SECOND_STEP_PATHS = {
  "second-factor": "/login/second-factor",
  enrol: "/login/set-up-second-factor",
} as const;

/**
 * What a right password leads to: a session when the account has no second factor and no clinic of it
 * requires one, or when this browser is trusted for it; else a pending state for the second step (or for
 * setting one up), and no session. `cookieHeader` is the request's, for the trusted-browser cookie.
 */
export async function stepAfterPassword(
  user: { id: string; sessionVersion: number },
  cookieHeader: string | null | undefined,
): Promise<AfterPassword> {
  const methods = await secondFactorMethods(user.id);
  if (methods.length) {
    if (await findTrustedBrowser(cookieHeader, user)) return { next: "session", via: "trusted-browser" };
    return { next: "second-factor", cookie: await startPendingSignIn(user.id, "second-factor", methods) };
  }
  if (await requiresSecondFactor(user.id))
    return { next: "enrol", cookie: await startPendingSignIn(user.id, "enrol", ["totp"]) };
  return { next: "session" };
}
