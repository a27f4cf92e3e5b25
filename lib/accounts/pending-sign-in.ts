import "server-only";
import { cookies } from "next/headers";
import { db, type Tx } from "@/lib/db";
import { secureCookies } from "@/lib/env";
import { setCookieHeader } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/accounts/tokens";

// Between a right password and the second step, the browser holds only this: a random token in its own
// httpOnly cookie, naming a PendingSignIn row that lives 5 minutes, is for one purpose and is used once.
// It is not a session. requireUser() and next-auth read only the session cookie; nothing but the two
// second-step pages (app/(auth)/login/…) and their actions reads this one, and tests/e2e/pending-walk.spec.ts
// walks every page, action and route with it to show that nothing else takes it.
export const PENDING_TTL_MS = 5 * 60_000;

// "second-factor": the account has one; "enrol": a clinic of the member requires one and there is none yet.
export type PendingPurpose = "second-factor" | "enrol";
// What may complete it: the account's authenticator app, a passkey of it, or a recovery code.
export type PendingMethod = "totp" | "passkey" | "recovery";

export type PendingSignIn = {
  id: string;
  userId: string;
  purpose: PendingPurpose;
  methods: PendingMethod[];
  expiresAt: Date;
};
export type PendingProblem = "missing" | "expired" | "used";

export function pendingCookieName(): string {
  return secureCookies() ? "__Host-portal-pending" : "portal-pending";
}

export type PendingCookie = {
  name: string;
  value: string;
  options: { path: "/"; maxAge: number; httpOnly: true; sameSite: "lax"; secure: boolean };
};

/** Starts the second step for `userId`; returns the cookie that hands it to the browser. */
export async function startPendingSignIn(
  userId: string,
  purpose: PendingPurpose,
  methods: PendingMethod[],
): Promise<PendingCookie> {
  const { token, tokenHash } = newToken();
  const now = Date.now();
  await db.$transaction([
    db.pendingSignIn.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } }),
    db.pendingSignIn.create({
      data: { userId, tokenHash, purpose, methods, expiresAt: new Date(now + PENDING_TTL_MS) },
    }),
  ]);
  return {
    name: pendingCookieName(),
    value: token,
    options: { path: "/", maxAge: PENDING_TTL_MS / 1000, httpOnly: true, sameSite: "lax", secure: secureCookies() },
  };
}

/** A PendingCookie as a Set-Cookie header value (for next-auth's response). */
export const pendingSetCookie = (cookie: PendingCookie): string => setCookieHeader(cookie);

/** The pending-state token this request carries in its cookie. */
export async function readPendingToken(): Promise<string | undefined> {
  return (await cookies()).get(pendingCookieName())?.value;
}

/** The pending sign-in `token` names, or why there is none. */
export async function findPendingSignIn(
  token: string | undefined,
  now = new Date(),
): Promise<{ ok: true; pending: PendingSignIn } | { ok: false; problem: PendingProblem }> {
  if (!token || token.length > 100) return { ok: false, problem: "missing" };
  const row = await db.pendingSignIn.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return { ok: false, problem: "missing" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt <= now) return { ok: false, problem: "expired" };
  return {
    ok: true,
    pending: {
      id: row.id,
      userId: row.userId,
      purpose: row.purpose as PendingPurpose,
      methods: row.methods as PendingMethod[],
      expiresAt: row.expiresAt,
    },
  };
}

export const PENDING_MESSAGES: Record<PendingProblem, string> = {
  missing: "Please sign in with your email and password first.",
  expired:
    "Your sign-in took longer than 5 minutes, so it was stopped to keep your account safe. Please sign in again.",
  used: "This sign-in was already completed. If you were signed out, please sign in again.",
};

/** The pending sign-in for `purpose`, or AppError with a message that says what to do. */
export async function getPendingSignIn(token: string | undefined, purpose: PendingPurpose): Promise<PendingSignIn> {
  const found = await findPendingSignIn(token);
  if (!found.ok) throw new AppError("BAD_REQUEST", PENDING_MESSAGES[found.problem]);
  if (found.pending.purpose !== purpose)
    throw new AppError("BAD_REQUEST", "This page is not the next step of your sign-in. Please sign in again.");
  return found.pending;
}

/** Uses it up, in the transaction that signs in: a second use, or one after 5 minutes, is refused. */
export async function consumePendingSignIn(id: string, tx: Tx): Promise<void> {
  const { count } = await tx.pendingSignIn.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count === 1) return;
  const row = await tx.pendingSignIn.findUnique({ where: { id }, select: { usedAt: true } });
  throw new AppError("BAD_REQUEST", PENDING_MESSAGES[row?.usedAt ? "used" : "expired"]);
}

/** The browser forgets it (a server action or route handler only). */
export async function clearPendingCookie(): Promise<void> {
  (await cookies()).set(pendingCookieName(), "", {
    path: "/",
    maxAge: 0,
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
  });
}
