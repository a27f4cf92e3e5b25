import "server-only";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import {
  CHALLENGE_TTL_MS,
  consumeChallenge,
  storeChallenge,
  type ChallengeProblem,
} from "@/lib/accounts/passkey-challenges";
import { authenticatorDataOf, isForSite, readClientData } from "@/lib/accounts/passkey-site-check";
import type { PasskeySite } from "@/lib/accounts/passkey-site";
import type { AuthenticationAnswer } from "@/lib/accounts/passkey-schemas";
import type { RequestInfo } from "@/lib/request-info";

// Signing in with a passkey, with or without a password before it. Without one ("sign-in": discoverable
// credentials, no account named) the authenticator must verify its user (PIN, fingerprint, face): possession
// and that check are two factors. After a password ("second-factor") possession is the second one.
export type AssertionPurpose = "sign-in" | "second-factor";
export type AssertionProblem =
  ChallengeProblem | "unknown-passkey" | "wrong-site" | "cloned" | "not-verified" | "no-user-verification";
export type AssertionResult =
  | { ok: true; passkey: { id: string; userId: string; name: string }; counter: number; userVerified: boolean }
  | {
      ok: false;
      problem: AssertionProblem;
      passkey?: { id: string; userId: string };
      detail?: Record<string, number | string>;
    };

export function passkeyMessage(problem: AssertionProblem, purpose: AssertionPurpose): string {
  switch (problem) {
    case "expired":
      return "The passkey request took longer than 5 minutes, so it was stopped to keep your account safe. Try again.";
    case "used":
    case "unknown":
      return "That passkey answer was already used or is not from this page. Reload the page and try again.";
    case "unknown-passkey":
      return purpose === "sign-in"
        ? "This passkey is not registered with Handout Portal: it may have been removed from your profile. Sign in with your email and password instead."
        : "That passkey is not one of this account's. Use a passkey you added to your profile, or another way below.";
    case "wrong-site":
      return "This passkey answer was made for another website, not this portal's address, so it was refused. Open the portal at its usual address and try again.";
    case "cloned":
      return "This passkey was refused: its use count went backwards, which is what a copied passkey looks like. Sign in another way, remove this passkey from your profile and tell your clinic's owner.";
    case "no-user-verification":
      return "Your passkey did not check that it is you (with a PIN, fingerprint or face), so it cannot sign in on its own. Sign in with your email and password instead.";
    case "not-verified":
      return "Your passkey's answer could not be checked. Try again, or sign in another way.";
  }
}

/** The options for navigator.credentials.get(); the challenge is kept for one answer. */
export async function startAssertion(
  site: PasskeySite,
  purpose: AssertionPurpose,
  userId: string | null,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = userId
    ? await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } })
    : [];
  const options = await generateAuthenticationOptions({
    rpID: site.rpID,
    allowCredentials: allow.map((p) => ({ id: p.credentialId, transports: p.transports })),
    userVerification: purpose === "sign-in" ? "required" : "preferred",
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge(options.challenge, purpose, userId);
  return options;
}

/**
 * Checks an answer in `tx`: uses its challenge up, then its site, passkey, user check, signature and signature
 * count. On success the count moves forward in the same statement that checks it did not go back, so two
 * answers with one count cannot both pass. `userId` is the account a second step is for (null: any account).
 */
export async function checkAssertion(
  site: PasskeySite,
  answer: AuthenticationAnswer,
  purpose: AssertionPurpose,
  userId: string | null,
  tx: Tx,
): Promise<AssertionResult> {
  const clientData = readClientData(answer.response.clientDataJSON);
  if (!clientData || clientData.type !== "webauthn.get") return { ok: false, problem: "not-verified" };
  const challenge = await consumeChallenge(clientData.challenge, purpose, userId, tx);
  if (challenge !== "ok") return { ok: false, problem: challenge };
  const authData = authenticatorDataOf(answer.response.authenticatorData);
  if (!isForSite(site, clientData.origin, authData))
    return { ok: false, problem: "wrong-site", detail: { origin: clientData.origin.slice(0, 200) } };
  const passkey = await tx.passkey.findUnique({ where: { credentialId: answer.id } });
  if (!passkey || (userId && passkey.userId !== userId)) return { ok: false, problem: "unknown-passkey" };
  const ref = { id: passkey.id, userId: passkey.userId };
  const handle = answer.response.userHandle;
  if (handle && isoBase64URL.toUTF8String(handle) !== passkey.userId)
    return { ok: false, problem: "not-verified", passkey: ref };
  const userVerified = ((authData?.[32] ?? 0) & 0x04) !== 0;
  if (purpose === "sign-in" && !userVerified) return { ok: false, problem: "no-user-verification", passkey: ref };
  // The library's counter rule runs before the signature is checked; the count is compared below instead, so
  // only a correctly signed answer can be called a clone.
  const verified = await verifyAuthenticationResponse({
    response: { ...answer, clientExtensionResults: {} },
    expectedChallenge: clientData.challenge,
    expectedOrigin: site.origin,
    expectedRPID: site.rpID,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: 0 },
    requireUserVerification: purpose === "sign-in",
  }).catch(() => null);
  if (!verified?.verified) return { ok: false, problem: "not-verified", passkey: ref };
  const stored = Number(passkey.counter);
  const next = verified.authenticationInfo.newCounter;
  const cloned = {
    ok: false,
    problem: "cloned",
    passkey: ref,
    detail: { storedCounter: stored, answerCounter: next },
  } as const;
  if ((stored > 0 || next > 0) && next <= stored) return cloned;
  const { count } = await tx.passkey.updateMany({
    where: { id: passkey.id, counter: next > 0 ? { lt: next } : 0 },
    data: { counter: next, lastUsedAt: new Date() },
  });
  if (count !== 1) return cloned;
  return {
    ok: true,
    passkey: { id: passkey.id, userId: passkey.userId, name: passkey.name },
    counter: next,
    userVerified,
  };
}

/** The audit event of a refused answer, in `tx` (which must commit: the used-up challenge goes with it). */
export async function auditRefusedPasskey(
  result: Extract<AssertionResult, { ok: false }>,
  purpose: AssertionPurpose,
  userId: string | null,
  info: RequestInfo,
  tx: Tx,
): Promise<void> {
  await recordAudit(
    {
      action: "auth.passkey_refused",
      actorId: result.passkey?.userId ?? userId,
      ...(result.passkey ? { targetType: "passkey", targetId: result.passkey.id } : {}),
      metadata: { reason: result.problem, as: purpose, ...result.detail },
      ...info,
    },
    tx,
  );
}

/** The audit event of an accepted passkey, in the transaction that signs in. */
export async function auditUsedPasskey(
  result: Extract<AssertionResult, { ok: true }>,
  purpose: AssertionPurpose,
  info: RequestInfo,
  tx: Tx,
): Promise<void> {
  await recordAudit(
    {
      action: "auth.passkey_used",
      actorId: result.passkey.userId,
      targetType: "passkey",
      targetId: result.passkey.id,
      metadata: { as: purpose, counter: result.counter, userVerified: result.userVerified },
      ...info,
    },
    tx,
  );
}
