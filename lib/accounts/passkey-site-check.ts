import "server-only";
import crypto from "node:crypto";
import { decodeClientDataJSON, isoBase64URL } from "@simplewebauthn/server/helpers";
import type { PasskeySite } from "@/lib/accounts/passkey-site";

// What a browser's answer says before its signature is checked: the challenge it answers (to find and use up
// the stored one) and whether it was made for this site. @simplewebauthn/server checks the same again; reading
// them first lets a passkey of another site (or a page relaying one) get its own message and audit reason.
export type ClientData = { challenge: string; origin: string; type: string };

export function readClientData(clientDataJSON: string): ClientData | null {
  try {
    const data = decodeClientDataJSON(clientDataJSON);
    if (typeof data.challenge !== "string" || typeof data.origin !== "string" || typeof data.type !== "string")
      return null;
    return { challenge: data.challenge, origin: data.origin, type: data.type };
  } catch {
    return null;
  }
}

/** Whether the origin the browser saw and the RP ID hash the authenticator signed are this site's. */
export function isForSite(site: PasskeySite, origin: string, authenticatorData: Uint8Array | null): boolean {
  if (origin !== site.origin) return false;
  if (!authenticatorData || authenticatorData.length < 37) return false;
  const expected = crypto.createHash("sha256").update(site.rpID).digest();
  return crypto.timingSafeEqual(Buffer.from(authenticatorData.subarray(0, 32)), expected);
}

export function authenticatorDataOf(b64: string): Uint8Array | null {
  try {
    return isoBase64URL.toBuffer(b64);
  } catch {
    return null;
  }
}
