import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";

// A WebAuthn challenge is the portal's half of a ceremony: it is stored as its SHA-256 (a copy of the table
// cannot answer one), for one purpose and, but for a passwordless sign-in, one account; it lasts 5 minutes and
// is used up by the first answer that names it, right or wrong, so an answer cannot be replayed.
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type ChallengePurpose = "register" | "sign-in" | "second-factor";
export type ChallengeProblem = "expired" | "used" | "unknown";

const hashChallenge = (challenge: string) => crypto.createHash("sha256").update(challenge).digest("hex");

/** Keeps `challenge` (base64url, as the options carry it) for one answer; forgets the long-expired ones. */
export async function storeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
): Promise<void> {
  const now = Date.now();
  await db.$transaction([
    db.passkeyChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now - CHALLENGE_TTL_MS) } } }),
    db.passkeyChallenge.create({
      data: { challengeHash: hashChallenge(challenge), purpose, userId, expiresAt: new Date(now + CHALLENGE_TTL_MS) },
    }),
  ]);
}

/** Uses `challenge` up for `purpose` and `userId`: "ok" once; after that, or after 5 minutes, the problem. */
export async function consumeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  tx: Tx = db,
): Promise<"ok" | ChallengeProblem> {
  const challengeHash = hashChallenge(challenge);
  const now = new Date();
  const { count } = await tx.passkeyChallenge.updateMany({
    where: { challengeHash, purpose, userId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 1) return "ok";
  const row = await tx.passkeyChallenge.findUnique({
    where: { challengeHash },
    select: { purpose: true, userId: true, usedAt: true },
  });
  if (!row || row.purpose !== purpose || row.userId !== userId) return "unknown";
  return row.usedAt ? "used" : "expired";
}
