"use server";

import { redirect } from "next/navigation";
import { resetPasswordSchema } from "@/lib/accounts/schemas";
import { resetPassword } from "@/lib/accounts/password-reset";
import { requestInfo } from "@/lib/request-info";
import { fromError, invalid, type FormState } from "@/lib/forms";

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  let email: string;
  try {
    ({ email } = await resetPassword(parsed.data.token, parsed.data.password, await requestInfo()));
  } catch (err) {
    return fromError(err);
  }
  redirect(`/login?notice=reset&email=${encodeURIComponent(email)}`);
}
