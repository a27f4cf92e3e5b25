// Password rules shared by the forms and the server: 12 to 128 characters, not a commonly used password.
import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/accounts/common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

function isCommon(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON_PASSWORDS.has(p)) return true;
  // One character repeated, or a run such as "123456789012" / "abcdefghijkl".
  if (/^(.)\1+$/.test(p)) return true;
  const codes = [...p].map((c) => c.charCodeAt(0));
  return codes.every((c, i) => i === 0 || Math.abs(c - codes[i - 1]!) === 1 || (c === 48 && codes[i - 1] === 57));
}

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isCommon(p), "This password is too common. Try a few unrelated words together.");
