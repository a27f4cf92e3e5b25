import "server-only";
import crypto from "node:crypto";
import { open, seal } from "@/lib/accounts/secret-box";

// The portal's own key at a clinic's EHR (SMART "client-confidential-asymmetric"): ES384, one of the two
// algorithms SMART App Launch requires servers to accept. The private half is sealed for its clinic and never
// leaves the server; the public half is served as a JWKS the EHR fetches (/api/ehr/<connection id>/jwks).
const context = (clinicId: string) => `ehr-client-key:${clinicId}`;

export type PublicJwk = crypto.JsonWebKey & { kid: string; alg: "ES384"; use: "sig" };

export function newClientKey(clinicId: string): { privateKey: string; publicJwk: PublicJwk } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-384" });
  const pub = publicKey.export({ format: "jwk" });
  // RFC 7638 thumbprint: a key id the EHR can tell apart from the next key after a rotation.
  const kid = crypto
    .createHash("sha256")
    .update(JSON.stringify({ crv: pub.crv, kty: pub.kty, x: pub.x, y: pub.y }))
    .digest("base64url");
  return {
    privateKey: seal(JSON.stringify(privateKey.export({ format: "jwk" })), context(clinicId)),
    publicJwk: { ...pub, kid, alg: "ES384", use: "sig" },
  };
}

/** The private key for signing client assertions, or null when the sealed value does not open. */
export async function openClientKey(clinicId: string, sealed: string, kid: string) {
  const jwk = open(sealed, context(clinicId));
  if (!jwk) return null;
  const key = await crypto.subtle.importKey("jwk", JSON.parse(jwk), { name: "ECDSA", namedCurve: "P-384" }, false, [
    "sign",
  ]);
  // Node's CryptoKey and the DOM's (which openid-client is typed with) are the same object at run time.
  return { key: key as unknown as CryptoKey, kid };
}

export const sealClientSecret = (clinicId: string, secret: string) => seal(secret, `ehr-client-secret:${clinicId}`);
export const openClientSecret = (clinicId: string, sealed: string) => open(sealed, `ehr-client-secret:${clinicId}`);
