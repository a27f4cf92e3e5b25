import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// AES-256-GCM for secrets the portal must read back: authenticator secrets and clinics' single sign-on client
// secrets at rest, the secret of an enrolment in progress while it travels in the page, and a single sign-on
// in progress in its cookie. The key comes from DATA_ENCRYPTION_KEY (or, unset, from NEXTAUTH_SECRET);
// `context` is authenticated with the text, so a box sealed for one account, clinic or purpose does not open
// for another. A box carries a short id of its key, so a changed key reads as "unreadable", not as a wrong
// code.
const VERSION = "v1";

function keys() {
  const base = env().DATA_ENCRYPTION_KEY ?? env().NEXTAUTH_SECRET;
  const key = Buffer.from(crypto.hkdfSync("sha256", base, "handout-portal", "secret-box", 32));
  const id = crypto.createHmac("sha256", key).update("key-id").digest("base64url").slice(0, 8);
  return { key, id };
}

export function seal(plaintext: string, context: string): string {
  const { key, id } = keys();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    id,
    iv.toString("base64url"),
    body.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

/** The sealed text, or null when the box was changed, sealed for another context or under another key. */
export function open(sealed: string, context: string): string | null {
  const [version, id, iv, body, tag, ...rest] = sealed.split(".");
  const { key, id: current } = keys();
  if (version !== VERSION || id !== current || !iv || !body || !tag || rest.length) return null;
  const authTag = Buffer.from(tag, "base64url");
  // A shortened tag would be accepted by GCM and checked on fewer bits.
  if (authTag.length !== 16) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
