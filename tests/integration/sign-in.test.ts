import { describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions } from "@/lib/auth";
import { createUser } from "@/prisma/seed/factories";
import { db } from "./helpers";

// The real Credentials provider behind /api/auth/callback/credentials, against the real database.
function signIn(email: string, password: string) {
  const provider = authOptions().providers[0] as unknown as { options: CredentialsConfig };
  const req = { headers: { "x-forwarded-for": "203.0.113.9", "user-agent": "vitest" } };
  return provider.options.authorize({ email, password }, req as never);
}

describe("sign-in and throttling", () => {
  it("signs in with the right password and records the session and an audit event", async () => {
    const user = await createUser(db);
    const result = await signIn(user.email.toUpperCase(), user.password);
    expect(result).toMatchObject({ id: user.id, sid: expect.any(String) });
    expect(await db.authSession.count({ where: { userId: user.id, endedAt: null } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { actorId: user.id, action: "auth.sign_in" } })).toMatchObject({ ip: "203.0.113.9" });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createUser(db);
    expect(await signIn(user.email, "wrong-password-123")).toBeNull();
    expect(await signIn(`nobody-${Date.now()}@test.example`, "wrong-password-123")).toBeNull();
  });

  it("after 5 failures in 15 minutes refuses even the right password for 15 minutes, then allows it", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 5; i++) expect(await signIn(user.email, `wrong-password-${i}`)).toBeNull();
    await expect(signIn(user.email, user.password)).rejects.toThrow("locked");
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { email: user.email } });
    const minutes = (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // The lock lives in Postgres, so every app server sees it; move it into the past to end it.
    await db.loginThrottle.update({ where: { email: user.email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await signIn(user.email, user.password)).toMatchObject({ id: user.id });
    expect(await db.loginThrottle.findUnique({ where: { email: user.email } })).toBeNull();
  });

  it("failures older than the 15-minute window do not count toward a lock", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 4; i++) await signIn(user.email, `wrong-password-${i}`);
    await db.loginThrottle.update({ where: { email: user.email }, data: { windowStartsAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await signIn(user.email, "wrong-password-x")).toBeNull();
    expect(await signIn(user.email, user.password)).toMatchObject({ id: user.id });
  });

  it("concurrent failures from several servers are all counted", async () => {
    const user = await createUser(db);
    await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(user.email, `wrong-password-${i}`)));
    await expect(signIn(user.email, user.password)).rejects.toThrow("locked");
  });

  it("a disabled account cannot sign in", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signIn(user.email, user.password)).toBeNull();
  });
});
