import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { open, seal } from "@/lib/accounts/secret-box";
import { matchTotp, newTotpSecret } from "@/lib/accounts/totp";
import { replaceRecoveryCodes } from "@/lib/accounts/recovery-codes";
import { reserveAttempt, type Limit } from "@/lib/accounts/throttle";
import type { PendingMethod } from "@/lib/accounts/pending-sign-in";

// Codes are throttled like passwords: 5 evaluated per account in 15 minutes, then 15 minutes' pause.
export const SECOND_FACTOR_ATTEMPTS: Limit = { max: 5, windowMinutes: 15, lockMinutes: 15 };
export const secondFactorThrottleKey = (userId: string) => `second-factor:${userId}`;
// An enrolment page's secret is good for this long (it travels sealed in the page, never stored half-done).
const ENROLMENT_TTL_MS = 30 * 60_000;

export const CODE_MESSAGES = {
  wrong: "That code is not right. Type the 6 digits your authenticator app shows for Handout Portal now.",
  reused:
    "That code was already used. Codes work once: wait for the next one (they change every 30 seconds) and type that.",
  unreadable:
    "Your authenticator could not be checked. Use one of your recovery codes, or ask your clinic's owner or an admin to reset your second factor.",
  locked: "Too many codes were tried. For your security, please wait 15 minutes and try again.",
  expiredSetUp: "This set-up page is too old. Reload it to get a new QR code, and add that one to your app.",
} as const;

export type TotpCheck = "ok" | "wrong" | "reused" | "unreadable";

const factorContext = (userId: string) => `totp:${userId}`;
const enrolmentContext = (userId: string) => `totp-enrolment:${userId}`;

/** The ways `userId` can show a second factor: none without an authenticator app or a passkey. */
export async function secondFactorMethods(userId: string, tx: Tx = db): Promise<PendingMethod[]> {
  const [totp, passkeys] = await Promise.all([
    tx.totpFactor.count({ where: { userId } }),
    tx.passkey.count({ where: { userId } }),
  ]);
  if (!totp && !passkeys) return [];
  return [...(passkeys ? (["passkey"] as const) : []), ...(totp ? (["totp"] as const) : []), "recovery"];
}

export async function hasSecondFactor(userId: string, tx: Tx = db): Promise<boolean> {
  return (await secondFactorMethods(userId, tx)).length > 0;
}

/** Reserves one code attempt for `userId`, or AppError TOO_MANY_REQUESTS. */
export async function reserveCodeAttempt(userId: string): Promise<void> {
  if (!(await reserveAttempt(secondFactorThrottleKey(userId), SECOND_FACTOR_ATTEMPTS)))
    throw new AppError("TOO_MANY_REQUESTS", CODE_MESSAGES.locked);
}

/**
 * Checks a code against the account's authenticator and, when right, records its time step in the same
 * statement that checks it was not used: of two requests with one code, one gets "ok" and the other "reused".
 */
export async function checkTotp(userId: string, code: string, tx: Tx, now = Date.now()): Promise<TotpCheck> {
  const factor = await tx.totpFactor.findUnique({ where: { userId } });
  if (!factor) return "wrong";
  const secret = open(factor.secret, factorContext(userId));
  if (!secret) return "unreadable";
  const step = await matchTotp(secret, code, now);
  if (step === null) return "wrong";
  const { count } = await tx.totpFactor.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, lastUsedAt: new Date(now) },
  });
  return count === 1 ? "ok" : "reused";
}

/** A new secret for an enrolment page, with the sealed form of it the page sends back with the first code. */
export function startTotpEnrolment(userId: string, now = Date.now()): { secret: string; sealed: string } {
  const secret = newTotpSecret();
  return { secret, sealed: seal(`${now}.${secret}`, enrolmentContext(userId)) };
}

/**
 * Finishes an enrolment: the first code must match the page's secret. Stores the secret (replacing any
 * authenticator the account had) with that code's step already used, and a new set of recovery codes, all in
 * `tx`. Throws AppError for a stale page or a wrong code, before writing anything.
 */
export async function confirmTotpEnrolment(
  userId: string,
  sealed: string,
  code: string,
  tx: Tx,
  now = Date.now(),
): Promise<string[]> {
  const opened = open(sealed, enrolmentContext(userId));
  const [issued, secret] = opened?.split(".") ?? [];
  if (!issued || !secret || now - Number(issued) > ENROLMENT_TTL_MS)
    throw new AppError("BAD_REQUEST", CODE_MESSAGES.expiredSetUp);
  const step = await matchTotp(secret, code, now);
  if (step === null) throw new AppError("BAD_REQUEST", CODE_MESSAGES.wrong, { code: [CODE_MESSAGES.wrong] });
  const data = { secret: seal(secret, factorContext(userId)), lastUsedStep: step, lastUsedAt: new Date(now) };
  await tx.totpFactor.upsert({
    where: { userId },
    create: { userId, ...data },
    update: { ...data, createdAt: new Date(now) },
  });
  return replaceRecoveryCodes(userId, tx);
}

/** Removes the authenticator, the passkeys, the recovery codes and every trusted browser of the account. */
export async function deleteSecondFactor(userId: string, tx: Tx): Promise<void> {
  await tx.totpFactor.deleteMany({ where: { userId } });
  await tx.passkey.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.trustedBrowser.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Whether any clinic `userId` belongs to requires a second factor (then sign-in walks them through one). */
export async function requiresSecondFactor(userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId, clinic: { requireSecondFactor: true } } })) > 0;
}
