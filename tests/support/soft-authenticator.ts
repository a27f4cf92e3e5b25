import crypto from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

// A passkey authenticator in a few lines of Node (ES256, "none" attestation), so the integration tests send
// @simplewebauthn/server real, signed answers, and can make the ones a browser never would: for another
// site, a copied credential whose count goes back, no user verification. The browser journeys use
// Chromium's own virtual authenticator instead (tests/e2e/passkeys.spec.ts).

type Where = { rpId: string; origin: string };
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const b64 = (bytes: Uint8Array | Buffer) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const sha256 = (data: string | Uint8Array) => crypto.createHash("sha256").update(data).digest();
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function softAuthenticator(where: Where = { rpId: "localhost", origin: "http://localhost:3999" }) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, isoBase64URL.toBuffer(jwk.x!)],
    [-3, isoBase64URL.toBuffer(jwk.y!)],
  ]);
  const credentialId = crypto.randomBytes(32);
  let userHandle: string | undefined;
  let counter = 0;

  function clientData(type: string, challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  return {
    id: b64(credentialId),
    get counter() {
      return counter;
    },
    /** The answer to navigator.credentials.create() with `options`. */
    register(options: { challenge: string; user: { id: string } }, at: Partial<Where> = {}): RegistrationResponseJSON {
      const w = { ...where, ...at };
      userHandle = options.user.id;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([
        sha256(w.rpId),
        Buffer.from([UP | UV | AT]),
        u32(counter),
        Buffer.alloc(16),
        idLength,
        credentialId,
        Buffer.from(isoCBOR.encode(cose)),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", new Uint8Array(authData)],
        ]) as never,
      );
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(clientData("webauthn.create", options.challenge, w.origin)),
          attestationObject: b64(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
      };
    },
    /** The answer to navigator.credentials.get() with `options`; the count goes up by one unless `count` says otherwise. */
    assert(
      options: { challenge: string },
      at: Partial<Where> & { count?: number; userVerified?: boolean } = {},
    ): AuthenticationResponseJSON {
      const w = { ...where, ...at };
      counter = at.count ?? counter + 1;
      const authData = Buffer.concat([
        sha256(w.rpId),
        Buffer.from([UP | (at.userVerified === false ? 0 : UV)]),
        u32(counter),
      ]);
      const data = clientData("webauthn.get", options.challenge, w.origin);
      const signature = crypto.sign("sha256", Buffer.concat([authData, sha256(data)]), privateKey);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(data),
          authenticatorData: b64(authData),
          signature: b64(signature),
          ...(userHandle ? { userHandle } : {}),
        },
        clientExtensionResults: {},
      };
    },
  };
}
