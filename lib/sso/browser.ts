import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { setSessionCookies } from "@/lib/accounts/session-cookie";
import { endAuthSession } from "@/lib/accounts/sessions";
import { findCurrentUser } from "@/lib/authz";
import { flowCookieName, flowCookieOptions } from "@/lib/sso/flow-cookie";

/** The flow cookie the callback reads, cleared at once: a flow is used once, whatever comes of it. */
export async function takeFlowCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(flowCookieName())?.value;
  jar.set(flowCookieName(), "", { ...flowCookieOptions(), maxAge: 0 });
  return value;
}

/**
 * This browser gets the session a single sign-on made: next-auth's session cookie naming it, as the sign-in
 * form's would. A session it had before (someone else's) ends. Route handlers only, where cookies can be set.
 */
export async function signInThisBrowser(userId: string, sessionId: string): Promise<void> {
  const previous = await findCurrentUser();
  if (previous) await endAuthSession(previous.sessionId);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  await setSessionCookies(user, sessionId);
}
