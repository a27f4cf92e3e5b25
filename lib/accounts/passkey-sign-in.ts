import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { createAuthSession } from "@/lib/accounts/sessions";
import { setSessionCookies } from "@/lib/accounts/session-cookie";
import { clearPendingCookie } from "@/lib/accounts/pending-sign-in";
import { releaseAttempt, reserveAttempt, SIGN_IN_ADDRESS, type Limit } from "@/lib/accounts/throttle";
import {
  auditRefusedPasskey,
  auditUsedPasskey,
  checkAssertion,
  passkeyMessage,
  startAssertion,
} from "@/lib/accounts/passkey-assertion";
import type { PasskeySite } from "@/lib/accounts/passkey-site";
import type { AuthenticationAnswer } from "@/lib/accounts/passkey-schemas";
import type { RequestInfo } from "@/lib/request-info";

// "Sign in with a passkey": no email, no password. The browser offers the passkeys it holds for this site
// (discoverable credentials); the one chosen names its account. It must have verified its user (PIN,
// fingerprint, face), so it stands for two factors and meets a clinic's second-factor requirement. The
// session is made as a second step makes one (session-cookie.ts), in one transaction with its audit events.

// Challenges handed out per client address: many more than anyone signing in needs, few enough to keep a
// script from filling the table.
const OPTIONS_PER_ADDRESS: Limit = { max: 60, windowMinutes: 15, lockMinutes: 15 };
const BUSY = "Too many sign-ins from this network. Please wait 15 minutes and try again.";

export type PasskeySignedIn = {
  user: { id: string; email: string; name: string; sessionVersion: number };
  sessionId: string;
};

export async function startPasskeySignIn(
  site: PasskeySite,
  info: RequestInfo,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  if (info.ip && !(await reserveAttempt(`passkey-options:ip:${info.ip}`, OPTIONS_PER_ADDRESS)))
    throw new AppError("TOO_MANY_REQUESTS", BUSY);
  return startAssertion(site, "sign-in", null);
}

/** Checks a passwordless answer and makes the session; AppError with what to do otherwise (nothing signed in). */
export async function provePasskeySignIn(
  site: PasskeySite,
  answer: AuthenticationAnswer,
  info: RequestInfo,
): Promise<PasskeySignedIn> {
  // Refused answers count against the address like wrong passwords (the same budget).
  const addressKey = info.ip ? `signin:ip:${info.ip}` : null;
  if (addressKey && !(await reserveAttempt(addressKey, SIGN_IN_ADDRESS))) {
    await recordAudit({ action: "auth.sign_in_locked", metadata: { by: "address", method: "passkey" }, ...info });
    throw new AppError("TOO_MANY_REQUESTS", BUSY);
  }
  const done = await db.$transaction(async (tx) => {
    const result = await checkAssertion(site, answer, "sign-in", null, tx);
    if (!result.ok) {
      await auditRefusedPasskey(result, "sign-in", null, info, tx);
      return { failed: passkeyMessage(result.problem, "sign-in") };
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: result.passkey.userId },
      select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true },
    });
    if (user.disabledAt) {
      await recordAudit(
        {
          action: "auth.sign_in_failed",
          actorId: user.id,
          metadata: { method: "passkey", reason: "disabled" },
          ...info,
        },
        tx,
      );
      return { failed: "This account is switched off. Ask your clinic's owner." };
    }
    const session = await createAuthSession(user.id, info.ip, info.userAgent, tx);
    await auditUsedPasskey(result, "sign-in", info, tx);
    await recordAudit(
      {
        action: "auth.sign_in",
        actorId: user.id,
        targetType: "session",
        targetId: session.id,
        metadata: { method: "passkey", passwordless: true },
        ...info,
      },
      tx,
    );
    return {
      user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
      sessionId: session.id,
    };
  });
  if ("failed" in done) throw new AppError("BAD_REQUEST", done.failed);
  if (addressKey) await releaseAttempt(addressKey);
  return done;
}

/** provePasskeySignIn, then the cookies of a signed-in browser (a server action or route handler only). */
export async function completePasskeySignIn(
  site: PasskeySite,
  answer: AuthenticationAnswer,
  info: RequestInfo,
): Promise<void> {
  const done = await provePasskeySignIn(site, answer, info);
  await setSessionCookies(done.user, done.sessionId);
  await clearPendingCookie();
}
