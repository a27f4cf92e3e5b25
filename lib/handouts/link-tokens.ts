import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";
import { hashToken } from "@/lib/accounts/tokens";

// A patient link's token is never stored. Each link has a random 128-bit seed (CSPRNG); the token is the
// HMAC-SHA256 of that seed under a key derived from NEXTAUTH_SECRET, and the database keeps only the token's
// SHA-256 (to find the link) and the seed (so the worker can put the link in an email later). Reading the
// database alone yields no working link; changing NEXTAUTH_SECRET keeps every link working (lookups use the
// stored hash) but old links can then no longer be emailed again.
function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", env().NEXTAUTH_SECRET, "handout-portal", "patient-link-token", 32));
}

export function newLinkSeed(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function linkToken(seed: string): string {
  return crypto.createHmac("sha256", key()).update(seed).digest("base64url");
}

export const linkTokenHash = hashToken;

export const linkUrl = (token: string) => `${env().APP_URL}/h/${token}`;

/** A well-formed token: 43 base64url characters (256 bits). Anything else is answered like an unknown one. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
