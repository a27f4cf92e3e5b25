import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors";
import { finish, giveCookies, type Proof, type SecondStepDone } from "@/lib/accounts/second-step";
import { getPendingSignIn, readPendingToken, type PendingSignIn } from "@/lib/accounts/pending-sign-in";
import {
  auditRefusedPasskey,
  auditUsedPasskey,
  checkAssertion,
  passkeyMessage,
  startAssertion,
} from "@/lib/accounts/passkey-assertion";
import { currentPasskeySite, type PasskeySite } from "@/lib/accounts/passkey-site";
import type { AuthenticationAnswer } from "@/lib/accounts/passkey-schemas";
import type { RequestInfo } from "@/lib/request-info";

// A passkey as the second step after a right password: one of the account's own passkeys, user verification
// welcome but not needed (the password was the other factor). The rest is the second step's: its throttle,
// its transaction, the pending state used up, "trust this browser".

async function pendingForPasskey(token: string | undefined): Promise<PendingSignIn> {
  const pending = await getPendingSignIn(token, "second-factor");
  if (!pending.methods.includes("passkey"))
    throw new AppError("BAD_REQUEST", "This account has no passkey. Use another way to sign in.");
  return pending;
}

export async function startPasskeySecondStep(
  token: string | undefined,
  site: PasskeySite,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const pending = await pendingForPasskey(token);
  return startAssertion(site, "second-factor", pending.userId);
}

export async function provePasskeySecondStep(
  token: string | undefined,
  site: PasskeySite,
  input: { response: AuthenticationAnswer; trust: boolean },
  info: RequestInfo,
): Promise<SecondStepDone> {
  const pending = await pendingForPasskey(token);
  const proof: Proof = async (userId, tx) => {
    const result = await checkAssertion(site, input.response, "second-factor", userId, tx);
    if (!result.ok) {
      await auditRefusedPasskey(result, "second-factor", userId, info, tx);
      return { failed: passkeyMessage(result.problem, "second-factor"), reason: result.problem };
    }
    await auditUsedPasskey(result, "second-factor", info, tx);
    return { metadata: { passkeyId: result.passkey.id } };
  };
  return finish(pending, "passkey", proof, info, input.trust);
}

/** The passkey second step for this request's pending cookie, then the cookies of a signed-in browser. */
export async function completePasskeySecondStep(
  input: { response: AuthenticationAnswer; trust: boolean },
  info: RequestInfo,
): Promise<void> {
  await giveCookies(await provePasskeySecondStep(await readPendingToken(), await currentPasskeySite(), input, info));
}
