import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions, type SignInOutcome } from "@/lib/auth";
import { open } from "@/lib/accounts/secret-box";
import { checkTotp, confirmTotpEnrolment, startTotpEnrolment } from "@/lib/accounts/second-factor";
import { redeemRecoveryCode, replaceRecoveryCodes } from "@/lib/accounts/recovery-codes";
import { proveEnrolment, proveSecondStep } from "@/lib/accounts/second-step";
import { createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { db, info } from "./helpers";

// The second factor against the real database: the Credentials provider behind the sign-in form, the
// pending state it leaves, and the second step that turns it into a session (tests/e2e/second-factor.spec.ts
// drives the same through the pages).

async function passwordStep(email: string, password: string, cookie?: string) {
  const outcome: SignInOutcome = { setCookies: [] };
  const provider = authOptions(outcome).providers[0] as unknown as { options: CredentialsConfig };
  const headers = { "x-portal-client-ip": "203.0.113.77", "user-agent": "vitest", ...(cookie ? { cookie } : {}) };
  const result = await Promise.resolve(provider.options.authorize({ email, password }, { headers } as never)).then(
    (user) => ({ user, error: null as string | null }),
    (e: Error) => ({ user: null, error: e.message }),
  );
  const pending = outcome.setCookies.map((c: string) => /^portal-pending=([^;]+)/.exec(c)?.[1]).find(Boolean);
  return { ...result, pending, cookies: outcome.setCookies };
}

const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

/** A user with an authenticator set up 2 minutes ago (its first code's step used); returns the plain secret and recovery codes. */
async function enrolledUser() {
  const user = await createUser(db);
  const { secret, sealed } = startTotpEnrolment(user.id);
  const then = Date.now() - 120_000;
  const first = await codeAt(secret, then);
  const codes = await db.$transaction((tx) => confirmTotpEnrolment(user.id, sealed, first, tx, then));
  return { user, secret, codes };
}

describe("second factor: TOTP", () => {
  it("stores the secret sealed, bound to its account, and the first code's step as used", async () => {
    const { user, secret, codes } = await enrolledUser();
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(secret);
    expect(open(row.secret, `totp:${user.id}`)).toBe(secret);
    expect(open(row.secret, `totp:someone-else`)).toBeNull();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });

  it("a wrong first code writes nothing", async () => {
    const user = await createUser(db);
    const { secret, sealed } = startTotpEnrolment(user.id);
    const wrong = String((Number(await codeAt(secret, Date.now())) + 1) % 1_000_000).padStart(6, "0");
    await expect(db.$transaction((tx) => confirmTotpEnrolment(user.id, sealed, wrong, tx))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.totpFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    // Another account's enrolment page does not set up this one.
    const other = await createUser(db);
    await expect(
      db.$transaction(async (tx) => confirmTotpEnrolment(other.id, sealed, await codeAt(secret, Date.now()), tx)),
    ).rejects.toThrow(/too old/);
  });

  it("accepts a code once, within one step either side, and refuses it replayed, even by two requests at once", async () => {
    const { user, secret } = await enrolledUser();
    const now = Date.now();
    expect(await db.$transaction(async (tx) => checkTotp(user.id, await codeAt(secret, now - 90_000), tx, now))).toBe(
      "wrong",
    );
    expect(await db.$transaction(async (tx) => checkTotp(user.id, await codeAt(secret, now + 90_000), tx, now))).toBe(
      "wrong",
    );
    const code = await codeAt(secret, now - 30_000);
    const both = await Promise.all([0, 1].map(() => db.$transaction((tx) => checkTotp(user.id, code, tx, now))));
    expect(both.sort()).toEqual(["ok", "reused"]);
    expect(await db.$transaction((tx) => checkTotp(user.id, code, tx, now))).toBe("reused");
    expect(await db.$transaction(async (tx) => checkTotp(user.id, await codeAt(secret, now + 30_000), tx, now))).toBe(
      "ok",
    );
  });
});

describe("second factor: recovery codes", () => {
  it("each works once; a new set voids the old one", async () => {
    const { user, codes } = await enrolledUser();
    const redeem = (code: string) => db.$transaction((tx) => redeemRecoveryCode(user.id, code, tx));
    expect(await redeem(codes[0]!.toLowerCase().replace(/-/g, " "))).toBe("ok");
    expect(await redeem(codes[0]!)).toBe("used");
    expect(await redeem("AAAA-BBBB-CCCC-DDDD")).toBe("wrong");
    const fresh = await db.$transaction((tx) => replaceRecoveryCodes(user.id, tx));
    expect(await redeem(codes[1]!)).toBe("wrong");
    expect(await redeem(fresh[1]!)).toBe("ok");
  });
});

describe("second factor: sign-in", () => {
  it("a right password gives only a 5-minute pending state, which one right code turns into a session, once", async () => {
    const { user, secret } = await enrolledUser();
    const first = await passwordStep(user.email, user.password);
    expect(first).toMatchObject({ user: null, error: "second_factor" });
    expect(first.cookies.some((c) => c.startsWith("next-auth") || c.startsWith("portal-device"))).toBe(false);
    expect(first.cookies[0]).toMatch(/^portal-pending=[^;]+; Path=\/; Max-Age=300; HttpOnly; SameSite=Lax$/);
    const row = await db.pendingSignIn.findFirstOrThrow({ where: { userId: user.id, usedAt: null } });
    expect(row.purpose).toBe("second-factor");
    expect((row.expiresAt.getTime() - Date.now()) / 1000).toBeGreaterThan(290);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);

    await expect(
      proveSecondStep(first.pending, { method: "totp", code: "123456", trust: false }, info),
    ).rejects.toMatchObject({ fieldErrors: { code: [expect.stringMatching(/not right/)] } });
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    const done = await proveSecondStep(
      first.pending,
      { method: "totp", code: await codeAt(secret, Date.now()), trust: false },
      info,
    );
    expect(await db.authSession.findUniqueOrThrow({ where: { id: done.sessionId } })).toMatchObject({
      userId: user.id,
      endedAt: null,
    });
    // The same pending state again (a replay after sign-in), with a fresh code or a recovery code: refused.
    await expect(
      proveSecondStep(
        first.pending,
        { method: "totp", code: await codeAt(secret, Date.now() + 30_000), trust: false },
        info,
      ),
    ).rejects.toThrow(/already completed/);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a pending state older than 5 minutes is refused and nothing is written", async () => {
    const { user, codes } = await enrolledUser();
    const { pending } = await passwordStep(user.email, user.password);
    await db.pendingSignIn.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(proveSecondStep(pending, { method: "recovery", code: codes[0]!, trust: false }, info)).rejects.toThrow(
      /longer than 5 minutes/,
    );
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    await expect(
      proveSecondStep("made-up-token", { method: "recovery", code: codes[0]!, trust: false }, info),
    ).rejects.toThrow(/sign in with your email and password first/);
  });

  it("a recovery code signs in once; the same code on the next sign-in is refused", async () => {
    const { user, codes } = await enrolledUser();
    const a = await passwordStep(user.email, user.password);
    await proveSecondStep(a.pending, { method: "recovery", code: codes[3]!, trust: false }, info);
    expect(
      await db.auditEvent.findFirst({ where: { actorId: user.id, action: "auth.recovery_code_used" } }),
    ).toMatchObject({ metadata: { left: 9 } });
    const b = await passwordStep(user.email, user.password);
    await expect(
      proveSecondStep(b.pending, { method: "recovery", code: codes[3]!, trust: false }, info),
    ).rejects.toThrow(/already used/);
    expect(await db.pendingSignIn.findFirst({ where: { userId: user.id, usedAt: null } })).not.toBeNull();
  });

  it("5 wrong codes pause the second step for 15 minutes, even with the right code", async () => {
    const { user, secret } = await enrolledUser();
    const { pending } = await passwordStep(user.email, user.password);
    for (let i = 0; i < 5; i++)
      await expect(
        proveSecondStep(pending, { method: "totp", code: "000000", trust: false }, info),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      proveSecondStep(pending, { method: "totp", code: await codeAt(secret, Date.now()), trust: false }, info),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.second_factor_failed" } })).toBe(5);
  });

  it("a trusted browser skips the second step until revoked, and only for its own account and password", async () => {
    const { user, secret } = await enrolledUser();
    const { pending } = await passwordStep(user.email, user.password);
    const done = await proveSecondStep(
      pending,
      { method: "totp", code: await codeAt(secret, Date.now()), trust: true },
      info,
    );
    const cookie = `${done.trusted!.name}=${done.trusted!.value}`;
    expect(done.trusted!.options).toMatchObject({ path: "/api/auth", maxAge: 30 * 86_400, httpOnly: true });
    const skipped = await passwordStep(user.email, user.password, cookie);
    expect(skipped.user).toMatchObject({ id: user.id });
    expect(
      await db.auditEvent.findFirst({
        where: { actorId: user.id, action: "auth.sign_in" },
        orderBy: { chainSeq: "desc" },
      }),
    ).toMatchObject({ metadata: { via: "trusted-browser" } });
    // A changed password ends the trust.
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await passwordStep(user.email, user.password, cookie)).error).toBe("second_factor");
  });

  it("with the clinic's requirement on, a member without a second factor gets the set-up step, and is signed in by its first code", async () => {
    const { clinic, clinician } = await createClinicWithMembers(db);
    await db.clinic.update({ where: { id: clinic.id }, data: { requireSecondFactor: true } });
    const first = await passwordStep(clinician.email, clinician.password);
    expect(first.error).toBe("enrol_second_factor");
    await expect(
      proveSecondStep(first.pending, { method: "totp", code: "123456", trust: false }, info),
    ).rejects.toThrow(/not the next step/);
    const { secret, sealed } = startTotpEnrolment(clinician.id);
    await expect(proveEnrolment(first.pending, { enrolment: sealed, code: "000000" }, info)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.totpFactor.count({ where: { userId: clinician.id } })).toBe(0);
    const done = await proveEnrolment(
      first.pending,
      { enrolment: sealed, code: await codeAt(secret, Date.now()) },
      info,
    );
    expect(done.codes).toHaveLength(10);
    expect(await db.authSession.count({ where: { userId: clinician.id, endedAt: null } })).toBe(1);
    expect((await passwordStep(clinician.email, clinician.password)).error).toBe("second_factor");
  });
});
