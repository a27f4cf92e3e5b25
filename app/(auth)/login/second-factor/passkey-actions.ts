"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { readPendingToken } from "@/lib/accounts/pending-sign-in";
import { currentPasskeySite } from "@/lib/accounts/passkey-site";
import { passkeySecondStepSchema } from "@/lib/accounts/passkey-schemas";
import { completePasskeySecondStep, startPasskeySecondStep } from "@/lib/accounts/passkey-second-step";
import { safeCallbackPath } from "@/lib/safe-redirect";
import type { FormState } from "@/lib/forms";

// A passkey as the second step: only the pending state from the password step leads here, as for a code.
export const passkeySecondStepOptionsAction = publicAction({ schema: z.object({}) }, async () => {
  return {
    ok: true,
    data: { options: await startPasskeySecondStep(await readPendingToken(), await currentPasskeySite()) },
  };
});

export const passkeySecondStepAction = publicAction(
  { schema: passkeySecondStepSchema },
  async (info, input): Promise<FormState<{ next: string }>> => {
    await completePasskeySecondStep(input, info);
    return { ok: true, data: { next: safeCallbackPath(input.callbackUrl) } };
  },
);
