"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { resetPasswordSchema } from "@/lib/accounts/schemas";
import { resetPassword } from "@/lib/accounts/password-reset";

export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (info, input) => {
  const { email } = await resetPassword(input.token, input.password, info);
  redirect(`/login?notice=reset&email=${encodeURIComponent(email)}`);
});
