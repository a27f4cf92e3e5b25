import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { clearAttempts } from "@/lib/accounts/throttle";
import { createAuthSession } from "@/lib/accounts/sessions";
import { setSessionCookies } from "@/lib/accounts/session-cookie";
import { trustBrowser } from "@/lib/accounts/trusted-browsers";
import { redeemRecoveryCode } from "@/lib/accounts/recovery-codes";
import {
  clearPendingCookie,
  consumePendingSignIn,
  getPendingSignIn,
  readPendingToken,
  type PendingMethod,
  type PendingSignIn,
} from "@/lib/accounts/pending-sign-in";
import {
  checkTotp,
  CODE_MESSAGES,
  confirmTotpEnrolment,
  reserveCodeAttempt,
  secondFactorThrottleKey,
} from "@/lib/accounts/second-factor";
import type { RequestInfo } from "@/lib/request-info";
import type { Tx } from "@/lib/db";

// The second step of a sign-in: the pending state from the password step, plus a proof (a code from the
// authenticator, a recovery code, a first code while setting one up, or a passkey: passkey-second-step.ts),
// becomes a session. Everything the step writes (the code used up, the pending state used up, the session, a
// trusted browser, the audit events) is one transaction; a wrong code writes only its audit event and its
// throttle count.

const RECOVERY_MESSAGES = {
  wrong: "That recovery code is not right. Check it against the list you saved.",
  used: "That recovery code was already used. Each code works once: try another one from your list.",
} as const;

const codeError = (message: string) => new AppError("BAD_REQUEST", message, { code: [message] });

export type Proof = (
  userId: string,
  tx: Tx,
) => Promise<{ failed: string; reason: string } | { metadata: Record<string, string | number> }>;

export type SecondStepDone = {
  user: { id: string; email: string; name: string; sessionVersion: number };
  sessionId: string;
  trusted: Awaited<ReturnType<typeof trustBrowser>> | null;
};

/** Runs `proof` for the pending sign-in and, when it holds, makes the session; throws AppError with what to fix otherwise. */
export async function finish(
  pending: PendingSignIn,
  method: PendingMethod,
  proof: Proof,
  info: RequestInfo,
  trust: boolean,
): Promise<SecondStepDone> {
  await reserveCodeAttempt(pending.userId).catch(async (err) => {
    await recordAudit({ action: "auth.second_factor_locked", actorId: pending.userId, metadata: { method }, ...info });
    throw err;
  });
  const done = await db.$transaction(async (tx) => {
    const result = await proof(pending.userId, tx);
    if ("failed" in result) return result;
    await consumePendingSignIn(pending.id, tx);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: pending.userId },
      select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true },
    });
    if (user.disabledAt) throw new AppError("FORBIDDEN", "This account is switched off. Ask your clinic's owner.");
    const session = await createAuthSession(user.id, info.ip, info.userAgent, tx);
    await recordAudit(
      {
        action: "auth.sign_in",
        actorId: user.id,
        targetType: "session",
        targetId: session.id,
        metadata: { method, ...result.metadata },
        ...info,
      },
      tx,
    );
    const trusted = trust ? await trustBrowser(user, info, tx) : null;
    return {
      user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
      sessionId: session.id,
      trusted,
    };
  });
  if ("failed" in done) {
    await recordAudit({
      action: "auth.second_factor_failed",
      actorId: pending.userId,
      metadata: { method, reason: done.reason },
      ...info,
    });
    throw codeError(done.failed);
  }
  await clearAttempts(secondFactorThrottleKey(pending.userId));
  return done;
}

/** Hands the browser its session (and trusted-browser) cookies, and takes the pending one away. */
export async function giveCookies(done: SecondStepDone): Promise<void> {
  await setSessionCookies(done.user, done.sessionId);
  if (done.trusted) (await cookies()).set(done.trusted.name, done.trusted.value, done.trusted.options);
  await clearPendingCookie();
}

/** The second step with a code from the authenticator app, or with a recovery code, for the pending `token`. */
export async function proveSecondStep(
  token: string | undefined,
  input: { method: "totp" | "recovery"; code: string; trust: boolean },
  info: RequestInfo,
): Promise<SecondStepDone> {
  const pending = await getPendingSignIn(token, "second-factor");
  if (!pending.methods.includes(input.method))
    throw new AppError("BAD_REQUEST", "That way of signing in is not available for this account.");
  const proof: Proof =
    input.method === "totp"
      ? async (userId, tx) => {
          const check = await checkTotp(userId, input.code, tx);
          return check === "ok" ? { metadata: {} } : { failed: CODE_MESSAGES[check], reason: check };
        }
      : async (userId, tx) => {
          const used = await redeemRecoveryCode(userId, input.code, tx);
          if (used !== "ok") return { failed: RECOVERY_MESSAGES[used], reason: used };
          const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
          await recordAudit({ action: "auth.recovery_code_used", actorId: userId, metadata: { left }, ...info }, tx);
          return { metadata: { recoveryCodesLeft: left } };
        };
  return finish(pending, input.method, proof, info, input.trust);
}

/**
 * Setting up an authenticator during sign-in (the clinic requires one): the first code confirms the page's
 * secret; the authenticator and ten recovery codes are stored and the session made, in one transaction.
 * Returns the recovery codes, to be shown once.
 */
export async function proveEnrolment(
  token: string | undefined,
  input: { enrolment: string; code: string },
  info: RequestInfo,
): Promise<SecondStepDone & { codes: string[] }> {
  const pending = await getPendingSignIn(token, "enrol");
  let codes: string[] = [];
  const proof: Proof = async (userId, tx) => {
    try {
      codes = await confirmTotpEnrolment(userId, input.enrolment, input.code, tx);
    } catch (err) {
      if (isAppError(err) && err.fieldErrors) return { failed: err.message, reason: "wrong" };
      throw err;
    }
    await recordAudit(
      {
        action: "auth.second_factor_enrolled",
        actorId: userId,
        metadata: { method: "totp", during: "sign-in" },
        ...info,
      },
      tx,
    );
    return { metadata: { enrolled: "totp" } };
  };
  const done = await finish(pending, "totp", proof, info, false);
  return { ...done, codes };
}

/** proveSecondStep for this request's pending cookie, then the cookies of a signed-in browser. */
export async function completeSecondStep(
  input: { method: "totp" | "recovery"; code: string; trust: boolean },
  info: RequestInfo,
): Promise<void> {
  await giveCookies(await proveSecondStep(await readPendingToken(), input, info));
}

/** proveEnrolment for this request's pending cookie, then the cookies of a signed-in browser; the recovery codes. */
export async function completeEnrolment(
  input: { enrolment: string; code: string },
  info: RequestInfo,
): Promise<string[]> {
  const done = await proveEnrolment(await readPendingToken(), input, info);
  await giveCookies(done);
  return done.codes;
}
