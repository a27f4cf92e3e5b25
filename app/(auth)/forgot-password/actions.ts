"use server";

import { forgotPasswordSchema } from "@/lib/accounts/schemas";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestInfo } from "@/lib/request-info";
import { invalid, type FormState } from "@/lib/forms";

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    await requestPasswordReset(parsed.data.email, await requestInfo());
  } catch (err) {
    // The answer must not depend on whether the address exists, nor on the mail server's mood.
    console.error("password reset email failed", err instanceof Error ? err.message : err);
  }
  return { ok: true, message: "If an account uses that address, we sent it a link to reset the password. The link works for 30 minutes." };
}
