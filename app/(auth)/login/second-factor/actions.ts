"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { secondStepSchema } from "@/lib/accounts/second-factor-schemas";
import { completeSecondStep } from "@/lib/accounts/second-step";
import { safeCallbackPath } from "@/lib/safe-redirect";

// The second step of a sign-in: only the pending state from the password step, and a code, lead here.
export const secondStepAction = publicAction({ schema: secondStepSchema }, async (info, input) => {
  await completeSecondStep(input, info);
  redirect(safeCallbackPath(input.callbackUrl));
});
