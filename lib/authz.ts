import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { REQUEST_URL_HEADER } from "@/lib/server/request-url.mjs";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { getMembership } from "@/lib/clinics/membership";
import { findActiveSession, sessionCookieName } from "@/lib/accounts/sessions";
import { requestInfo } from "@/lib/request-info";
import type { CurrentUser, MemberContext } from "@/lib/member-context";
import type { Role } from "@/lib/generated/prisma/client";

// Reads and checks the session once per request (React cache), against the database every time:
// the JWT alone cannot know about sign-out elsewhere, idle time, a disabled account or a new password.
const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token || typeof token.sid !== "string" || typeof token.sv !== "number") return null;
  const session = await findActiveSession(token.sid, token.sv);
  return session ? { ...session.user, sessionId: session.sessionId, ssoClinicId: session.ssoClinicId } : null;
});

export async function findCurrentUser(): Promise<CurrentUser | null> {
  return currentUser();
}

export const SIGNED_OUT_MESSAGE = "You were signed out, so this was not saved. Sign in again to carry on.";

/**
 * The signed-in user, or AppError("UNAUTHENTICATED"): for requests a page makes in the background (the
 * builder's autosave and preview, form actions), which must tell the page rather than answer with the
 * sign-in page, so the page can keep what was typed and offer to sign in.
 */
async function signedInUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", SIGNED_OUT_MESSAGE);
  return user;
}

/** The signed-in user, or a redirect to the sign-in page, which comes back to the page asked for. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(await signInAndBack());
  return user;
}

async function signInAndBack(): Promise<string> {
  const asked = (await headers()).get(REQUEST_URL_HEADER);
  if (!asked) return "/login";
  const url = new URL(asked, "http://portal.invalid");
  // A client-side navigation asks for the page's data (?_rsc=…): come back to the page itself.
  url.searchParams.delete("_rsc");
  const back = safeCallbackPath(url.pathname + url.search);
  return back === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(back)}`;
}

/**
 * The caller's membership of `clinicId`. Not a member: NOT_FOUND, so clinic ids reveal nothing.
 * A member without one of `role`: FORBIDDEN.
 */
export async function requireMember(
  clinicId: string,
  opts: { role?: readonly Role[]; signedOut?: "redirect" | "throw" } = {},
): Promise<MemberContext> {
  const user = opts.signedOut === "throw" ? await signedInUser() : await requireUser();
  // A clinic's identity provider speaks for that clinic only: its sessions open no other.
  if (user.ssoClinicId && user.ssoClinicId !== clinicId) throw new AppError("NOT_FOUND", "Not found.");
  const [membership, info] = await Promise.all([getMembership(user.id, clinicId, opts), requestInfo()]);
  return { user, role: membership.role, clinic: membership.clinic, info };
}

/** requireMember for pages and layouts: any refusal renders the 404 page. */
export async function requireMemberPage(
  clinicId: string,
  opts: { role?: readonly Role[] } = {},
): Promise<MemberContext> {
  try {
    return await requireMember(clinicId, opts);
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
}
