import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from "@simplewebauthn/server";
import { decodeAttestationObject, isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { replaceRecoveryCodes } from "@/lib/accounts/recovery-codes";
import { deleteSecondFactor, requiresSecondFactor } from "@/lib/accounts/second-factor";
import { CHALLENGE_TTL_MS, consumeChallenge, storeChallenge } from "@/lib/accounts/passkey-challenges";
import { isForSite, readClientData } from "@/lib/accounts/passkey-site-check";
import type { PasskeySite } from "@/lib/accounts/passkey-site";
import type { RegistrationAnswer } from "@/lib/accounts/passkey-schemas";
import type { RequestInfo } from "@/lib/request-info";

// A member's own passkeys, from the profile: add (several), rename, remove. A passkey is a second factor: an
// account with one is asked for it (or its other factors) after the password, and it signs in on its own.
export const MAX_PASSKEYS = 20;
const RP_NAME = "Handout Portal";

const refuse = (message: string) => new AppError("BAD_REQUEST", message);
const NOT_ADDED = {
  unreadable: "Your device's passkey could not be checked, so it was not added. Try again.",
  expired: "Adding the passkey took longer than 5 minutes, so it was stopped. Try again.",
  used: "That answer was already used or is not from this page. Reload the page and try again.",
  "wrong-site": "This passkey was made for another website, not this portal's address, so it was not added.",
} as const;

export async function findPasskeys(userId: string) {
  return db.passkey.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The options for navigator.credentials.create(): a discoverable credential, none of the account's own again. */
export async function startPasskeyRegistration(
  user: { id: string; email: string; name: string },
  site: PasskeySite,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  if (existing.length >= MAX_PASSKEYS)
    throw new AppError(
      "CONFLICT",
      `You have ${MAX_PASSKEYS} passkeys, the most an account can have. Remove one you no longer use first.`,
    );
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: site.rpID,
    // The user handle names the account to a passwordless sign-in: its id, nothing personal.
    userID: isoUint8Array.fromUTF8String(user.id),
    userName: user.email,
    userDisplayName: user.name,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    timeout: CHALLENGE_TTL_MS,
  });
  await storeChallenge(options.challenge, "register", user.id);
  return options;
}

function authDataOf(attestationObject: string): Uint8Array | null {
  try {
    return decodeAttestationObject(isoBase64URL.toBuffer(attestationObject)).get("authData") ?? null;
  } catch {
    return null;
  }
}

/**
 * Stores the passkey a registration answer carries, named `name`. The challenge is used up first (a failed
 * answer spends it too); the passkey, its audit event and, for an account that had no recovery codes, ten new
 * ones (returned, to be shown once) are one transaction.
 */
export async function addPasskey(
  userId: string,
  site: PasskeySite,
  input: { response: RegistrationAnswer; name: string },
  info: RequestInfo,
): Promise<{ id: string; recoveryCodes: string[] | null }> {
  const clientData = readClientData(input.response.response.clientDataJSON);
  if (!clientData || clientData.type !== "webauthn.create") throw refuse(NOT_ADDED.unreadable);
  const challenge = await consumeChallenge(clientData.challenge, "register", userId);
  if (challenge !== "ok") throw refuse(NOT_ADDED[challenge === "expired" ? "expired" : "used"]);
  if (!isForSite(site, clientData.origin, authDataOf(input.response.response.attestationObject)))
    throw refuse(NOT_ADDED["wrong-site"]);
  const verified = await verifyRegistrationResponse({
    response: { ...input.response, clientExtensionResults: {} },
    expectedChallenge: clientData.challenge,
    expectedOrigin: site.origin,
    expectedRPID: site.rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) throw refuse(NOT_ADDED.unreadable);
  const { credential } = verified.registrationInfo;
  return db.$transaction(async (tx) => {
    if ((await tx.passkey.count({ where: { userId } })) >= MAX_PASSKEYS)
      throw new AppError("CONFLICT", `You have ${MAX_PASSKEYS} passkeys, the most an account can have.`);
    if (await tx.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } }))
      throw new AppError("CONFLICT", "This passkey is already added.");
    const row = await tx.passkey.create({
      data: {
        userId,
        credentialId: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: input.name,
      },
      select: { id: true },
    });
    const hasCodes =
      (await tx.recoveryCode.count({ where: { userId } })) > 0 ||
      (await tx.totpFactor.count({ where: { userId } })) > 0;
    const recoveryCodes = hasCodes ? null : await replaceRecoveryCodes(userId, tx);
    await recordAudit(
      {
        action: "auth.passkey_added",
        actorId: userId,
        targetType: "passkey",
        targetId: row.id,
        metadata: { backedUp: verified.registrationInfo.credentialBackedUp, recoveryCodesMade: !!recoveryCodes },
        ...info,
      },
      tx,
    );
    return { id: row.id, recoveryCodes };
  });
}

/** Renames one of `userId`'s passkeys (another account's is not found). */
export async function renamePasskey(userId: string, passkeyId: string, name: string): Promise<boolean> {
  const { count } = await db.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
  return count === 1;
}

/**
 * Removes one of `userId`'s passkeys. The last second factor of an account goes only when no clinic of it
 * requires one, and takes the recovery codes and trusted browsers with it (as turning two-step sign-in off does).
 */
export async function removePasskey(userId: string, passkeyId: string, info: RequestInfo): Promise<boolean> {
  const required = await requiresSecondFactor(userId);
  return db.$transaction(async (tx) => {
    // One removal at a time per account, so two at once cannot both think the other passkey remains.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId }, select: { id: true, name: true } });
    if (!passkey) return false;
    const others =
      (await tx.passkey.count({ where: { userId, id: { not: passkey.id } } })) +
      (await tx.totpFactor.count({ where: { userId } }));
    if (!others && required)
      throw new AppError(
        "CONFLICT",
        "A clinic you belong to requires a second factor, and this passkey is your only one. Add another passkey or an authenticator app first.",
      );
    await tx.passkey.delete({ where: { id: passkey.id } });
    if (!others) await deleteSecondFactor(userId, tx);
    await recordAudit(
      {
        action: "auth.passkey_removed",
        actorId: userId,
        targetType: "passkey",
        targetId: passkey.id,
        metadata: { lastSecondFactor: !others },
        ...info,
      },
      tx,
    );
    return true;
  });
}
