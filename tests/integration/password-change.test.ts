import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/password-change";
import { verifyPassword } from "@/lib/accounts/passwords";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { createUser } from "@/prisma/seed/factories";
import { db, info } from "./helpers";

// The profile's "Change password" against the real database (tests/e2e/profile.spec.ts meets it in the browser).

async function signedInTwice() {
  const user = await createUser(db);
  const here = await db.authSession.create({ data: { userId: user.id } });
  const elsewhere = await db.authSession.create({ data: { userId: user.id } });
  return { user, current: { id: user.id, sessionId: here.id }, elsewhere };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error & { code?: string; fieldErrors?: Record<string, string[]> }) => ({
      code: e.code,
      message: e.message,
      fieldErrors: e.fieldErrors,
    }),
  );

describe("changing the password", () => {
  it("needs the current password: a wrong one changes nothing and is audited", async () => {
    const { user, current } = await signedInTwice();
    expect(
      await errorOf(
        changePassword(current, { currentPassword: "not it at all", password: "a brand new passphrase" }, info),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(await db.authSession.count({ where: { userId: user.id, endedAt: null } })).toBe(2);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.password_confirm_failed" } })).toBe(1);
  });

  it("sets the new one, ends every session (this browser's included) and opens one new session for this browser", async () => {
    const { user, current, elsewhere } = await signedInTwice();
    const changed = await changePassword(
      current,
      { currentPassword: user.password, password: "a brand new passphrase" },
      info,
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(false);
    expect(changed.sessionVersion).toBe(2);
    const sessions = await db.authSession.findMany({ where: { userId: user.id } });
    expect(sessions.filter((s) => !s.endedAt).map((s) => s.id)).toEqual([changed.sessionId]);
    expect(sessions.find((s) => s.id === elsewhere.id)!.endedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: user.id, action: "auth.password_changed" },
    });
    expect(event.metadata).toEqual({ otherSessionsEnded: 1 });
  });

  it("refuses the same password again, and a session that has ended", async () => {
    const { user, current } = await signedInTwice();
    expect(
      await errorOf(changePassword(current, { currentPassword: user.password, password: user.password }, info)),
    ).toMatchObject({ code: "BAD_REQUEST" });
    await db.authSession.update({ where: { id: current.sessionId }, data: { endedAt: new Date() } });
    expect(
      await errorOf(
        changePassword(current, { currentPassword: user.password, password: "a brand new passphrase" }, info),
      ),
    ).toMatchObject({ code: "UNAUTHENTICATED" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
  });

  it("stops after 5 wrong current passwords in 15 minutes", async () => {
    const { user, current } = await signedInTwice();
    for (let i = 0; i < 5; i++)
      await errorOf(
        changePassword(current, { currentPassword: `wrong ${i}`, password: "a brand new passphrase" }, info),
      );
    expect(
      await errorOf(
        changePassword(current, { currentPassword: user.password, password: "a brand new passphrase" }, info),
      ),
    ).toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("holds the new password to the same rules as a reset: length, common passwords, the two fields matching", () => {
    const base = { currentPassword: "whatever it is" };
    expect(changePasswordSchema.safeParse({ ...base, password: "short", confirmPassword: "short" }).success).toBe(
      false,
    );
    expect(
      changePasswordSchema.safeParse({ ...base, password: "123456789012", confirmPassword: "123456789012" }).success,
    ).toBe(false);
    expect(
      changePasswordSchema.safeParse({
        ...base,
        password: "a brand new passphrase",
        confirmPassword: "a brand new passphrase!",
      }).success,
    ).toBe(false);
    expect(
      changePasswordSchema.safeParse({
        ...base,
        password: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      }).success,
    ).toBe(true);
  });
});
