"use server";

import { publicAction } from "@/lib/actions";
import { forgotPasswordSchema } from "@/lib/accounts/schemas";
import { requestPasswordReset } from "@/lib/accounts/password-reset";

// The answer never depends on whether the address has an account: the request only queues a job.
export const requestResetAction = publicAction({ schema: forgotPasswordSchema }, async (info, { email }) => {
  await requestPasswordReset(email, info);
  return {
    ok: true,
    message:
      "If an account uses that address, we are sending it a link to reset the password. The link works for 30 minutes.",
  };
});
