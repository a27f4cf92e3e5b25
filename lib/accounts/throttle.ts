import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type Limit = { max: number; windowMinutes: number; lockMinutes: number };

// Sign-in: 5 evaluated passwords per account (or per account on a known device) in 15 minutes, then 15
// minutes' pause; 30 wrong passwords per client address across all accounts (password spraying).
export const SIGN_IN_ACCOUNT: Limit = { max: 5, windowMinutes: 15, lockMinutes: 15 };
export const SIGN_IN_ADDRESS: Limit = { max: 30, windowMinutes: 15, lockMinutes: 15 };
// Password-reset requests: 3 emails an hour per address, 20 requests an hour per client address.
export const RESET_PER_EMAIL: Limit = { max: 3, windowMinutes: 60, lockMinutes: 60 };
export const RESET_PER_ADDRESS: Limit = { max: 20, windowMinutes: 60, lockMinutes: 60 };

/**
 * Reserves one attempt under `key` in a single statement, before the attempt is evaluated: parallel
 * requests (on any number of app servers) each get their own count, so exactly `max` of them pass within a
 * window and the rest are refused without being evaluated. The `max`-th reservation starts a pause of
 * `lockMinutes`; when it is over, or a window passes without reaching `max`, counting starts again.
 * Returns false when the attempt must be refused.
 */
export async function reserveAttempt(key: string, limit: Limit): Promise<boolean> {
  const window = Prisma.sql`make_interval(mins => ${limit.windowMinutes})`;
  const lock = Prisma.sql`now() + make_interval(mins => ${limit.lockMinutes})`;
  const fresh = Prisma.sql`((t."lockedUntil" IS NULL AND t."windowStartsAt" < now() - ${window}) OR t."lockedUntil" <= now())`;
  const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE t."count" + 1 END)`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "Throttle" AS t ("key", "count", "windowStartsAt", "lockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN ${limit.max} <= 1 THEN ${lock} END)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = ${next},
      "windowStartsAt" = CASE WHEN ${fresh} THEN now() ELSE t."windowStartsAt" END,
      "lockedUntil" = CASE WHEN ${next} >= ${limit.max} THEN ${lock} END
    WHERE ${fresh} OR (t."lockedUntil" IS NULL AND t."count" < ${limit.max})
    RETURNING t."count"`;
  return rows.length > 0;
}

/** Gives back a reservation that was not an attempt after all (another limit refused it, or it succeeded). */
export async function releaseAttempt(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "Throttle" SET "count" = greatest("count" - 1, 0), "lockedUntil" = NULL WHERE "key" = ${key} AND "count" > 0`;
}

/** Forgets every attempt under `key` (a successful sign-in clears its account's count). */
export async function clearAttempts(key: string): Promise<void> {
  await db.throttle.deleteMany({ where: { key } });
}

export async function lockedUntil(key: string): Promise<Date | null> {
  const row = await db.throttle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : null;
}
