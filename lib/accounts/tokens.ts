import crypto from "node:crypto";

// How long an invite's link lasts: set on the invite (lib/clinics/invites.ts) and said in its email.
export const INVITE_TTL_HOURS = 72;

// Emailed links carry a random token; only its SHA-256 is stored.
export function newToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
