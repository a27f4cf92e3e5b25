"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { findCurrentUser } from "@/lib/authz";
import { endAuthSession } from "@/lib/accounts/sessions";
import { currentPasskeySite } from "@/lib/accounts/passkey-site";
import { passkeySignInSchema } from "@/lib/accounts/passkey-schemas";
import { completePasskeySignIn, startPasskeySignIn } from "@/lib/accounts/passkey-sign-in";
import { safeCallbackPath } from "@/lib/safe-redirect";
import type { FormState } from "@/lib/forms";

// "Sign in with a passkey" on /login: the options (a challenge for any of the portal's passkeys), then the
// answer, which signs in without a password. The browser navigates to `next` itself.
export const passkeySignInOptionsAction = publicAction({ schema: z.object({}) }, async (info) => {
  return { ok: true, data: { options: await startPasskeySignIn(await currentPasskeySite(), info) } };
});

export const passkeySignInAction = publicAction(
  { schema: passkeySignInSchema },
  async (info, input): Promise<FormState<{ next: string }>> => {
    const site = await currentPasskeySite();
    // Someone else's session in this browser ends, as when an invite signs in.
    const previous = await findCurrentUser();
    if (previous) await endAuthSession(previous.sessionId);
    await completePasskeySignIn(site, input.response, info);
    return { ok: true, data: { next: safeCallbackPath(input.callbackUrl) } };
  },
);
