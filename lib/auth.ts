import "server-only";
import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env, secureCookies } from "@/lib/env";
import { verifyPassword } from "@/lib/accounts/passwords";
import {
  clearAttempts,
  releaseAttempt,
  reserveAttempt,
  SIGN_IN_ACCOUNT,
  SIGN_IN_ADDRESS,
} from "@/lib/accounts/throttle";
import { deviceCookie, knownDeviceId } from "@/lib/accounts/known-devices";
import { setSessionCookies } from "@/lib/accounts/session-cookie";
import { stepAfterPassword, SECOND_STEP_PATHS } from "@/lib/accounts/sign-in-steps";
import { pendingSetCookie } from "@/lib/accounts/pending-sign-in";
import { ABSOLUTE_TIMEOUT_MS, createAuthSession, endAuthSession } from "@/lib/accounts/sessions";
import { recordAudit } from "@/lib/audit/mutations";
import { findCurrentUser } from "@/lib/authz";
import { requestInfoFrom, type RequestInfo } from "@/lib/request-info";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { checkPasswordAllowed } from "@/lib/sso/password-policy";

// Error codes the sign-in form maps to messages. The same code for unknown emails and wrong passwords.
// After a right password, "second_factor" and "enrol_second_factor" send the form to the second step, with
// only a pending state (lib/accounts/pending-sign-in.ts) in its cookie: no session yet.
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  locked: "locked",
  busy: "address_locked",
  secondFactor: "second_factor",
  enrol: "enrol_second_factor",
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

type Headers = Record<string, unknown> | undefined;
const header = (h: Headers, name: string) => (typeof h?.[name] === "string" ? (h[name] as string) : null);

/** Per request: what the sign-in handler must add to its response (the known-device cookie). */
export type SignInOutcome = { setCookies: string[] };

/**
 * Checks a password, at most SIGN_IN_ACCOUNT.max times per account in a window (per known browser, for a
 * browser that signed into the account before) and SIGN_IN_ADDRESS.max wrong ones per client address.
 * Both attempts are reserved before the password is checked, so parallel requests cannot exceed them.
 */
async function authorizeCredentials(raw: unknown, headers: Headers, outcome: SignInOutcome) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const info = requestInfoFrom({ get: (name) => header(headers, name) });
  const user = await db.user.findUnique({ where: { email } });
  const deviceId = user ? knownDeviceId(header(headers, "cookie") ?? undefined, user.id) : null;
  const accountKey = deviceId ? `signin:device:${deviceId}:${user!.id}` : `signin:account:${email}`;
  const addressKey = info.ip ? `signin:ip:${info.ip}` : null;

  if (addressKey && !(await reserveAttempt(addressKey, SIGN_IN_ADDRESS))) {
    await recordAudit({
      action: "auth.sign_in_locked",
      actorId: user?.id ?? null,
      metadata: { email, by: "address" },
      ...info,
    });
    throw new Error(SIGN_IN_ERRORS.busy);
  }
  if (!(await reserveAttempt(accountKey, SIGN_IN_ACCOUNT))) {
    if (addressKey) await releaseAttempt(addressKey);
    await recordAudit({
      action: "auth.sign_in_locked",
      actorId: user?.id ?? null,
      metadata: { email, by: deviceId ? "device" : "account" },
      ...info,
    });
    throw new Error(SIGN_IN_ERRORS.locked);
  }
  const ok = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
  if (!ok || !user) {
    await recordAudit({ action: "auth.sign_in_failed", actorId: user?.id ?? null, metadata: { email }, ...info });
    return null;
  }
  // Wrong passwords count against the address; right ones give their reservation back.
  await Promise.all([clearAttempts(accountKey), addressKey ? releaseAttempt(addressKey) : undefined]);
  await checkPasswordAllowed(user.id, info);
  const step = await stepAfterPassword(user, header(headers, "cookie"));
  if (step.next !== "session") {
    outcome.setCookies.push(pendingSetCookie(step.cookie));
    throw new Error(step.next === "enrol" ? SIGN_IN_ERRORS.enrol : SIGN_IN_ERRORS.secondFactor);
  }
  const session = await createAuthSession(user.id, info.ip, info.userAgent);
  await recordAudit({
    action: "auth.sign_in",
    actorId: user.id,
    targetType: "session",
    targetId: session.id,
    ...(step.via ? { metadata: { via: step.via } } : {}),
    ...info,
  });
  outcome.setCookies.push(deviceCookie(user.id, deviceId ?? undefined));
  return { id: user.id, email: user.email, name: user.name, sid: session.id, sv: user.sessionVersion };
}

// Built per request, not at import: `next build` needs no configuration, and `outcome` collects what this
// request's response must carry.
export const authOptions = (outcome: SignInOutcome = { setCookies: [] }): NextAuthOptions => ({
  secret: env().NEXTAUTH_SECRET,
  // The JWT lives at most the absolute session length; the idle timeout is enforced on the server (AuthSession).
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  useSecureCookies: secureCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, req) => authorizeCredentials(raw, req?.headers as Headers, outcome),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sid: string; sv: number };
        token.uid = u.id;
        token.sid = u.sid;
        token.sv = u.sv;
      }
      return token;
    },
    session({ session }) {
      // Only what the client needs; identity for server code comes from requireUser().
      return { ...session, user: { name: session.user?.name, email: session.user?.email } };
    },
    redirect({ url, baseUrl }) {
      return baseUrl + safeCallbackPath(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") {
        await endAuthSession(token.sid);
        await recordAudit({
          action: "auth.sign_out",
          actorId: typeof token.uid === "string" ? token.uid : null,
          targetType: "session",
          targetId: token.sid,
        });
      }
    },
  },
});

/**
 * Signs `userId` in on this browser as a successful sign-in does (an AuthSession row, the "Signed in" audit
 * event, next-auth's session cookie with the same JWT, the known-device cookie), for someone who has just shown
 * their password another way: accepting an invite. A session this browser already had (someone else's) ends.
 * An account with a second factor, or joining a clinic that requires one, gets the second step instead, as
 * after the sign-in form. Returns where to go: `then`, or that step's page (which comes back to `then`).
 * Only in a server action or route handler, where cookies can be set.
 */
export async function signInAfterInvite(userId: string, info: RequestInfo, then: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  const previous = await findCurrentUser();
  if (previous) await endAuthSession(previous.sessionId);
  const step = await stepAfterPassword(user, null);
  if (step.next !== "session") {
    (await cookies()).set(step.cookie.name, step.cookie.value, step.cookie.options);
    return `${SECOND_STEP_PATHS[step.next]}?callbackUrl=${encodeURIComponent(then)}`;
  }
  const session = await createAuthSession(user.id, info.ip, info.userAgent);
  await recordAudit({
    action: "auth.sign_in",
    actorId: user.id,
    targetType: "session",
    targetId: session.id,
    metadata: { via: "invite" },
    ...info,
  });
  await setSessionCookies(user, session.id);
  return then;
}
