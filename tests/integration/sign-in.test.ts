import { describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions, type SignInOutcome } from "@/lib/auth";
import { createUser } from "@/prisma/seed/factories";
import { db } from "./helpers";

let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++ % 250}`;

// The real Credentials provider behind /api/auth/callback/credentials, against the real database, with the
// client address the web server would put in its header (lib/server/client-ip.mjs).
async function signIn(email: string, password: string, opts: { ip?: string; cookie?: string } = {}) {
  const outcome: SignInOutcome = { setCookies: [] };
  const provider = authOptions(outcome).providers[0] as unknown as { options: CredentialsConfig };
  const headers = {
    "x-portal-client-ip": opts.ip ?? "203.0.113.9",
    "user-agent": "vitest",
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
  };
  const user = await provider.options.authorize({ email, password }, { headers } as never);
  return { user, cookies: outcome.setCookies };
}
const signInUser = async (...args: Parameters<typeof signIn>) => (await signIn(...args)).user;
const outcomeOf = (p: Promise<unknown>) =>
  p.then(
    (u) => (u ? "ok" : "wrong"),
    (e: Error) => e.message,
  );
const evaluated = (email: string) =>
  db.auditEvent.count({
    where: { action: { in: ["auth.sign_in_failed", "auth.sign_in"] }, metadata: { path: ["email"], equals: email } },
  });

describe("sign-in and throttling", () => {
  it("signs in with the right password and records the session and an audit event with the server's idea of the address", async () => {
    const user = await createUser(db);
    const result = await signInUser(user.email.toUpperCase(), user.password);
    expect(result).toMatchObject({ id: user.id, sid: expect.any(String) });
    expect(await db.authSession.count({ where: { userId: user.id, endedAt: null } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { actorId: user.id, action: "auth.sign_in" } })).toMatchObject({
      ip: "203.0.113.9",
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createUser(db);
    expect(await signInUser(user.email, "wrong-password-123", { ip: freshIp() })).toBeNull();
    expect(await signInUser(`nobody-${Date.now()}@test.example`, "wrong-password-123", { ip: freshIp() })).toBeNull();
  });

  it("30 parallel wrong passwords: exactly 5 are checked, the rest are refused unchecked, and then even the right one waits", async () => {
    const user = await createUser(db);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcomeOf(signInUser(user.email, `wrong-password-${i}`, { ip: freshIp() }))),
    );
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "locked")).toHaveLength(25);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: user.id } })).toBe(5);
    await expect(signIn(user.email, user.password, { ip: freshIp() })).rejects.toThrow("locked");
    const row = await db.throttle.findUniqueOrThrow({ where: { key: `signin:account:${user.email}` } });
    const minutes = (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // The lock lives in Postgres, so every app server sees it; move it into the past to end it.
    await db.throttle.update({ where: { key: row.key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await signInUser(user.email, user.password, { ip: freshIp() })).toMatchObject({ id: user.id });
    expect(await db.throttle.findUnique({ where: { key: row.key } })).toBeNull();
  });

  it("failures older than the 15-minute window do not count toward a lock", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 4; i++) await signIn(user.email, `wrong-password-${i}`, { ip: freshIp() });
    await db.throttle.update({
      where: { key: `signin:account:${user.email}` },
      data: { windowStartsAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await signInUser(user.email, "wrong-password-x", { ip: freshIp() })).toBeNull();
    expect(await signInUser(user.email, user.password, { ip: freshIp() })).toMatchObject({ id: user.id });
  });

  it("a browser that signed in before keeps its own budget: strangers locking the account do not lock out its owner", async () => {
    const user = await createUser(db);
    const { cookies } = await signIn(user.email, user.password, { ip: freshIp() });
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(
      /^portal-device-[0-9a-f]{16}=[^;]+; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Lax/,
    );
    const cookie = cookies[0]!.split(";")[0]!;
    for (let i = 0; i < 5; i++) await signIn(user.email, `attacker-guess-${i}`, { ip: freshIp() });
    await expect(signIn(user.email, user.password, { ip: freshIp() })).rejects.toThrow("locked");
    expect(await signInUser(user.email, user.password, { ip: freshIp(), cookie })).toMatchObject({ id: user.id });
    // The cookie is bound to its account: it gives no budget against someone else's, and a forged one is ignored.
    const other = await createUser(db);
    for (let i = 0; i < 5; i++) await signIn(other.email, `guess-${i}`, { ip: freshIp(), cookie });
    await expect(signIn(other.email, other.password, { ip: freshIp(), cookie })).rejects.toThrow("locked");
    const forged = cookie.replace(/=([^.]+)\./, "=AAAAAAAAAAAAAAAAAAAAAAAA.");
    await expect(signIn(user.email, user.password, { ip: freshIp(), cookie: forged })).rejects.toThrow("locked");
  });

  it("one address spraying many accounts is stopped after 30 wrong passwords; right ones do not count", async () => {
    const ip = freshIp();
    const good = await createUser(db);
    expect(await signInUser(good.email, good.password, { ip })).toMatchObject({ id: good.id });
    const victims = await Promise.all(Array.from({ length: 31 }, () => createUser(db)));
    const outcomes: string[] = [];
    for (const v of victims) outcomes.push(await outcomeOf(signInUser(v.email, "Spring2026!!", { ip })));
    expect(outcomes.slice(0, 30).every((o) => o === "wrong")).toBe(true);
    expect(outcomes[30]).toBe("address_locked");
    // Another address is not affected.
    expect(await signInUser(good.email, good.password, { ip: freshIp() })).toMatchObject({ id: good.id });
    expect(await evaluated(victims[30]!.email)).toBe(0);
  });

  it("a disabled account cannot sign in", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signInUser(user.email, user.password, { ip: freshIp() })).toBeNull();
  });
});
