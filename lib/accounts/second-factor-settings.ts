import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { clearAttempts } from "@/lib/accounts/throttle";
import { countRecoveryCodesLeft, replaceRecoveryCodes } from "@/lib/accounts/recovery-codes";
import {
  confirmTotpEnrolment,
  deleteSecondFactor,
  hasSecondFactor,
  reserveCodeAttempt,
  secondFactorThrottleKey,
  startTotpEnrolment,
  requiresSecondFactor,
} from "@/lib/accounts/second-factor";
import { groupedSecret, totpUri } from "@/lib/accounts/totp";
import { qrCodeDataUrl } from "@/lib/accounts/totp-qr";
import type { RequestInfo } from "@/lib/request-info";

// A signed-in member's own second factor, from the profile: set it up (or move it to a new phone), make new
// recovery codes, remove it. Each change is one transaction with its audit event.

export async function getSecondFactorStatus(userId: string) {
  const [factor, recoveryCodesLeft, required, passkeys] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId }, select: { createdAt: true, lastUsedAt: true } }),
    countRecoveryCodesLeft(userId),
    requiresSecondFactor(userId),
    db.passkey.count({ where: { userId } }),
  ]);
  return {
    enrolled: !!factor,
    enrolledAt: factor?.createdAt ?? null,
    lastUsedAt: factor?.lastUsedAt ?? null,
    recoveryCodesLeft,
    required,
    passkeys,
  };
}

/** Confirms an enrolment page with its first code; returns the new recovery codes (shown once). */
export async function enrolTotp(
  userId: string,
  input: { enrolment: string; code: string },
  info: RequestInfo,
): Promise<string[]> {
  await reserveCodeAttempt(userId);
  const codes = await db.$transaction(async (tx) => {
    const replacing = (await tx.totpFactor.count({ where: { userId } })) > 0;
    const codes = await confirmTotpEnrolment(userId, input.enrolment, input.code, tx);
    await recordAudit(
      { action: "auth.second_factor_enrolled", actorId: userId, metadata: { method: "totp", replacing }, ...info },
      tx,
    );
    return codes;
  });
  await clearAttempts(secondFactorThrottleKey(userId));
  return codes;
}

/** A new set of ten recovery codes; the old ones stop working. */
export async function replaceOwnRecoveryCodes(userId: string, info: RequestInfo): Promise<string[]> {
  return db.$transaction(async (tx) => {
    if (!(await hasSecondFactor(userId, tx)))
      throw new AppError("CONFLICT", "Set up an authenticator app or a passkey first: recovery codes go with them.");
    const codes = await replaceRecoveryCodes(userId, tx);
    await recordAudit({ action: "auth.recovery_codes_replaced", actorId: userId, ...info }, tx);
    return codes;
  });
}

/** Turns two-step sign-in off (the authenticator app and the passkeys), unless a clinic of the member requires it. */
export async function removeOwnSecondFactor(userId: string, info: RequestInfo): Promise<void> {
  if (await requiresSecondFactor(userId)) {
    throw new AppError(
      "CONFLICT",
      "A clinic you belong to requires a second factor, so it cannot be removed. To use a new phone, set it up again instead.",
    );
  }
  await db.$transaction(async (tx) => {
    if (!(await hasSecondFactor(userId, tx))) throw new AppError("CONFLICT", "Two-step sign-in is already off.");
    await deleteSecondFactor(userId, tx);
    await recordAudit({ action: "auth.second_factor_removed", actorId: userId, ...info }, tx);
  });
}

/** What an enrolment page shows: the QR code, the secret as text, and the sealed secret its form sends back. */
export async function prepareTotpEnrolment(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const { secret, sealed } = startTotpEnrolment(userId);
  return { qr: await qrCodeDataUrl(totpUri(secret, user.email)), secretText: groupedSecret(secret), enrolment: sealed };
}
