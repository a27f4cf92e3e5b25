import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { secureCookies } from "@/lib/env";
import { hashToken, newToken } from "@/lib/accounts/tokens";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";

// "Trust this browser for 30 days": a random token in a cookie sent only to the sign-in endpoint, whose hash
// names a TrustedBrowser row. While the row holds (not expired or revoked, the password unchanged since), a
// right password on that browser signs in without the second step.
export const TRUST_DAYS = 30;

export function trustedCookieName(userId: string): string {
  return `${secureCookies() ? "__Secure-" : ""}portal-trusted-${crypto.createHash("sha256").update(userId).digest("hex").slice(0, 16)}`;
}

function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k === name) return rest.join("=");
  }
  return null;
}

/** Trusts this browser for `user`, in `tx`; returns the cookie to set once the transaction is done. */
export async function trustBrowser(user: { id: string; sessionVersion: number }, info: RequestInfo, tx: Tx) {
  const { token, tokenHash } = newToken();
  const row = await tx.trustedBrowser.create({
    data: {
      userId: user.id,
      tokenHash,
      sessionVersion: user.sessionVersion,
      ip: info.ip,
      userAgent: info.userAgent,
      expiresAt: new Date(Date.now() + TRUST_DAYS * 86_400_000),
    },
    select: { id: true },
  });
  await recordAudit(
    {
      action: "auth.trusted_browser_added",
      actorId: user.id,
      targetType: "trusted_browser",
      targetId: row.id,
      ...info,
    },
    tx,
  );
  return {
    name: trustedCookieName(user.id),
    value: token,
    options: {
      path: "/api/auth",
      maxAge: TRUST_DAYS * 86_400,
      httpOnly: true,
      sameSite: "lax" as const,
      secure: secureCookies(),
    },
  };
}

/** The trusted-browser row this Cookie header names for `user`, if it still holds (and marks it used). */
export async function findTrustedBrowser(
  cookieHeader: string | null | undefined,
  user: { id: string; sessionVersion: number },
): Promise<string | null> {
  const token = cookieValue(cookieHeader, trustedCookieName(user.id));
  if (!token || token.length > 100) return null;
  const now = new Date();
  const row = await db.trustedBrowser.findFirst({
    where: {
      tokenHash: hashToken(token),
      userId: user.id,
      revokedAt: null,
      expiresAt: { gt: now },
      sessionVersion: user.sessionVersion,
    },
    select: { id: true },
  });
  if (row) await db.trustedBrowser.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return row?.id ?? null;
}

export async function findTrustedBrowsers(userId: string) {
  return db.trustedBrowser.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: { lastUsedAt: "desc" },
  });
}

/** Stops trusting one browser of `userId` (scoped to the account: another account's row is not found). */
export async function revokeTrustedBrowser(userId: string, id: string, info: RequestInfo): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.trustedBrowser.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 1)
      await recordAudit(
        {
          action: "auth.trusted_browser_revoked",
          actorId: userId,
          targetType: "trusted_browser",
          targetId: id,
          ...info,
        },
        tx,
      );
    return count === 1;
  });
}
