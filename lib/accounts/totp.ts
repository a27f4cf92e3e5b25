// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator app
// reads from a QR code) through otplib. Pure: the database side (a code accepted once) is in second-factor.ts.
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Handout Portal";
const PERIOD_S = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address the QR code holds. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The secret as people type it into an app without a camera: groups of four. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** What someone typed, as a code: digits only (apps show "123 456"). */
export function normalizeTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/**
 * The time step `code` belongs to, when it is the code of the current step or of the one just before or
 * after (a phone's clock a little off, a code typed as it changed), else null.
 */
export async function matchTotp(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epoch: Math.floor(now / 1000), epochTolerance: PERIOD_S }).catch(() => ({
    valid: false as const,
  }));
  // The TOTP result names its step (the HOTP one, also in the type, does not).
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
