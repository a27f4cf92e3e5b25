import "server-only";
import { db } from "@/lib/db";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

// The lock is keyed by the normalised email whether or not an account exists, so it reveals nothing.
export async function isLocked(email: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { email } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts a failed sign-in in one atomic statement (several app servers may race on the same account).
 * A new window starts when the previous one is over; the fifth failure inside a window locks the account.
 */
export async function recordFailure(email: string): Promise<{ locked: boolean }> {
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("email", "failures", "windowStartsAt", "lockedUntil")
    VALUES (${email}, 1, now(), NULL)
    ON CONFLICT ("email") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStartsAt" < now() - make_interval(mins => ${WINDOW_MINUTES})
                        OR "LoginThrottle"."lockedUntil" <= now()
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStartsAt" = CASE WHEN "LoginThrottle"."windowStartsAt" < now() - make_interval(mins => ${WINDOW_MINUTES})
                        OR "LoginThrottle"."lockedUntil" <= now()
                        THEN now() ELSE "LoginThrottle"."windowStartsAt" END,
      "lockedUntil" = NULL
    RETURNING "failures", "lockedUntil"`;
  const failures = (rows[0] as { failures?: number } | undefined)?.failures ?? 0;
  if (failures >= MAX_FAILURES) {
    await db.$executeRaw`
      UPDATE "LoginThrottle" SET "lockedUntil" = now() + make_interval(mins => ${LOCK_MINUTES}) WHERE "email" = ${email}`;
    return { locked: true };
  }
  return { locked: false };
}

export async function clearFailures(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email } });
}
