import { describe, expect, it } from "vitest";
import { confirmPassword, isRecentSignIn, requireRecentSignIn, RECENT_SIGN_IN_MS } from "@/lib/accounts/recent-sign-in";
import { createUser } from "@/prisma/seed/factories";
import { db, info } from "./helpers";

// Changing how an account signs in needs a sign-in from the last 10 minutes or the password again
// (ASVS 5.0 7.5.1). tests/e2e/second-factor.spec.ts meets the same through the profile's pages.

async function sessionSignedInAgo(ms: number) {
  const user = await createUser(db);
  const at = new Date(Date.now() - ms);
  const session = await db.authSession.create({
    data: { userId: user.id, createdAt: at, lastSeenAt: new Date(), confirmedAt: at },
  });
  return { user, current: { id: user.id, sessionId: session.id } };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error & { code?: string }) => ({ code: e.code, message: e.message }),
  );

describe("recent sign-in", () => {
  it("a session signed in 9 minutes ago may change sign-in settings; one signed in 11 minutes ago may not", async () => {
    const fresh = await sessionSignedInAgo(RECENT_SIGN_IN_MS - 60_000);
    expect(await isRecentSignIn(fresh.current)).toBe(true);
    await requireRecentSignIn(fresh.current);
    const stale = await sessionSignedInAgo(RECENT_SIGN_IN_MS + 60_000);
    expect(await errorOf(requireRecentSignIn(stale.current))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("confirm your password"),
    });
  });

  it("the right password makes the session recent again and is audited; a wrong one changes nothing and is audited", async () => {
    const { user, current } = await sessionSignedInAgo(RECENT_SIGN_IN_MS + 60_000);
    expect(await errorOf(confirmPassword(current, "not the password", info))).toMatchObject({
      code: "BAD_REQUEST",
      message: "That password is not right.",
    });
    expect(await isRecentSignIn(current)).toBe(false);
    await confirmPassword(current, user.password, info);
    expect(await isRecentSignIn(current)).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { chainSeq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["auth.password_confirm_failed", "auth.password_confirmed"]);
  });

  it("stops after 5 wrong passwords in 15 minutes, even before the right one", async () => {
    const { user, current } = await sessionSignedInAgo(RECENT_SIGN_IN_MS + 60_000);
    for (let i = 0; i < 5; i++) await errorOf(confirmPassword(current, `wrong ${i}`, info));
    expect(await errorOf(confirmPassword(current, user.password, info))).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await isRecentSignIn(current)).toBe(false);
  });

  it("confirms only the caller's own live session: not another account's, not one signed out", async () => {
    const { user, current } = await sessionSignedInAgo(RECENT_SIGN_IN_MS + 60_000);
    const other = await sessionSignedInAgo(RECENT_SIGN_IN_MS + 60_000);
    expect(
      await errorOf(confirmPassword({ id: user.id, sessionId: other.current.sessionId }, user.password, info)),
    ).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await isRecentSignIn(other.current)).toBe(false);
    await db.authSession.update({ where: { id: current.sessionId }, data: { endedAt: new Date() } });
    expect(await errorOf(confirmPassword(current, user.password, info))).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
