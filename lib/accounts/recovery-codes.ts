import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";

// Ten single-use codes for when the phone is lost. 24 characters from 30 that cannot be misread (no 0/O,
// 1/I/L, U) carry 117 bits each: above the 112 bits at which ASVS 5.0 (6.5.2) lets a plain SHA-256 (bound
// to the account) stand in for a salted password hash, so checking one costs no argon2 run per stored
// code, no key is needed, and the codes keep working if DATA_ENCRYPTION_KEY ever changes.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 24;

export function newRecoveryCode(): string {
  let code = "";
  while (code.length < LENGTH) {
    const byte = crypto.randomBytes(1)[0]!;
    // Rejection sampling keeps every symbol equally likely.
    if (byte < 240) code += ALPHABET[byte % ALPHABET.length];
  }
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

/** What someone typed, as hashed: upper case, without spaces or dashes. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

const hashCode = (userId: string, code: string) =>
  crypto
    .createHash("sha256")
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");

/** A new set of codes for `userId`; the old set stops working in the same transaction. Shown once. */
export async function replaceRecoveryCodes(userId: string, tx: Tx): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashCode(userId, code) })) });
  return codes;
}

/** Uses up one code: "ok" once, "used" after that, "wrong" for a code that was never one of the set. */
export async function redeemRecoveryCode(userId: string, code: string, tx: Tx): Promise<"ok" | "used" | "wrong"> {
  const codeHash = hashCode(userId, code);
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count === 1) return "ok";
  return (await tx.recoveryCode.count({ where: { userId, codeHash } })) > 0 ? "used" : "wrong";
}

export async function countRecoveryCodesLeft(userId: string, tx: Tx = db): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
