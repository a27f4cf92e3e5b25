import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { addPasskey, removePasskey, renamePasskey, startPasskeyRegistration } from "@/lib/accounts/passkeys";
import { startAssertion } from "@/lib/accounts/passkey-assertion";
import { provePasskeySignIn } from "@/lib/accounts/passkey-sign-in";
import { provePasskeySecondStep } from "@/lib/accounts/passkey-second-step";
import { stepAfterPassword } from "@/lib/accounts/sign-in-steps";
import { authenticationResponseSchema, registrationResponseSchema } from "@/lib/accounts/passkey-schemas";
import type { PasskeySite } from "@/lib/accounts/passkey-site";
import { createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { softAuthenticator } from "../support/soft-authenticator";
import { db, info } from "./helpers";

// Passkeys against the real database and @simplewebauthn/server, with answers signed by a software
// authenticator (tests/support/soft-authenticator.ts): the ceremonies, and what a browser never sends.

const site: PasskeySite = { rpID: "localhost", origin: "http://localhost:3999" };
const asRegistration = (answer: unknown) => registrationResponseSchema.parse(JSON.stringify(answer));
const asAssertion = (answer: unknown) => authenticationResponseSchema.parse(JSON.stringify(answer));

/** A member with one passkey on `device`. */
async function withPasskey(user?: Awaited<ReturnType<typeof createUser>>) {
  const member = user ?? (await createUser(db));
  const device = softAuthenticator();
  const options = await startPasskeyRegistration(member, site);
  const added = await addPasskey(
    member.id,
    site,
    { response: asRegistration(device.register(options)), name: "Test laptop" },
    info,
  );
  return { user: member, device, added };
}

const signIn = async (
  device: ReturnType<typeof softAuthenticator>,
  at: Parameters<ReturnType<typeof softAuthenticator>["assert"]>[1] = {},
) => provePasskeySignIn(site, asAssertion(device.assert(await startAssertion(site, "sign-in", null), at)), info);

const refusals = (userId: string) =>
  db.auditEvent.findMany({
    where: { action: "auth.passkey_refused", actorId: userId },
    orderBy: { chainSeq: "asc" },
    select: { metadata: true },
  });

describe("passkeys: registration", () => {
  it("stores the public key and gives an account without recovery codes ten of them; the challenge works once", async () => {
    const user = await createUser(db);
    const device = softAuthenticator();
    const options = await startPasskeyRegistration(user, site);
    expect(options.authenticatorSelection?.residentKey).toBe("required");
    const answer = asRegistration(device.register(options));
    const added = await addPasskey(user.id, site, { response: answer, name: "Work laptop" }, info);
    expect(added.recoveryCodes).toHaveLength(10);
    const row = await db.passkey.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({
      userId: user.id,
      credentialId: device.id,
      name: "Work laptop",
      counter: 0n,
      transports: ["internal"],
    });
    await expect(addPasskey(user.id, site, { response: answer, name: "Again" }, info)).rejects.toThrow(/already used/);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
    // The second passkey keeps the codes the member has.
    const second = await withPasskey(user);
    expect(second.added.recoveryCodes).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.passkey_added", actorId: user.id } })).toBe(2);
  });

  it("refuses a passkey made for another site, or answering another account's challenge, and writes nothing", async () => {
    const user = await createUser(db);
    const device = softAuthenticator();
    const wrongOrigin = device.register(await startPasskeyRegistration(user, site), { origin: "https://evil.example" });
    await expect(addPasskey(user.id, site, { response: asRegistration(wrongOrigin), name: "x" }, info)).rejects.toThrow(
      /another website/,
    );
    const wrongRp = device.register(await startPasskeyRegistration(user, site), { rpId: "evil.example" });
    await expect(addPasskey(user.id, site, { response: asRegistration(wrongRp), name: "x" }, info)).rejects.toThrow(
      /another website/,
    );
    const other = await createUser(db);
    const theirs = device.register(await startPasskeyRegistration(other, site));
    await expect(addPasskey(user.id, site, { response: asRegistration(theirs), name: "x" }, info)).rejects.toThrow(
      /not from this page/,
    );
    expect(await db.passkey.count({ where: { userId: { in: [user.id, other.id] } } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("passkeys: passwordless sign-in", () => {
  it("signs in the passkey's account with a session and audit events, and moves the count forward", async () => {
    const { user, device, added } = await withPasskey();
    const done = await signIn(device);
    expect(done.user.id).toBe(user.id);
    expect(await db.authSession.findUnique({ where: { id: done.sessionId } })).toMatchObject({
      userId: user.id,
      endedAt: null,
    });
    expect((await db.passkey.findUniqueOrThrow({ where: { id: added.id } })).counter).toBe(1n);
    const events = await db.auditEvent.findMany({
      where: { actorId: user.id, action: { in: ["auth.sign_in", "auth.passkey_used"] } },
      select: { action: true, metadata: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "auth.sign_in", metadata: { method: "passkey", passwordless: true } },
        { action: "auth.passkey_used", metadata: { as: "sign-in", counter: 1, userVerified: true } },
      ]),
    );
  });

  it("refuses a replayed answer and an expired challenge, signing nobody in", async () => {
    const { user, device } = await withPasskey();
    const answer = asAssertion(device.assert(await startAssertion(site, "sign-in", null)));
    await provePasskeySignIn(site, answer, info);
    await expect(provePasskeySignIn(site, answer, info)).rejects.toThrow(/already used/);
    const options = await startAssertion(site, "sign-in", null);
    const challengeHash = crypto.createHash("sha256").update(options.challenge).digest("hex");
    await db.passkeyChallenge.update({ where: { challengeHash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(provePasskeySignIn(site, asAssertion(device.assert(options)), info)).rejects.toThrow(
      /longer than 5 minutes/,
    );
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an answer for another RP id or origin, and says so in the audit log", async () => {
    const { user, device } = await withPasskey();
    await expect(signIn(device, { rpId: "evil.example" })).rejects.toThrow(/made for another website/);
    await expect(signIn(device, { origin: "https://localhost.evil.example" })).rejects.toThrow(
      /made for another website/,
    );
    // A portal served at another address does not take this one's passkeys.
    const elsewhere = { rpID: "handouts.example", origin: "https://handouts.example" };
    const answer = asAssertion(device.assert(await startAssertion(elsewhere, "sign-in", null)));
    await expect(provePasskeySignIn(elsewhere, answer, info)).rejects.toThrow(/made for another website/);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: "auth.passkey_refused", metadata: { path: ["reason"], equals: "wrong-site" } },
      }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("refuses a cloned credential (its count goes back), audited, and the count stays where it was", async () => {
    const { user, device, added } = await withPasskey();
    await signIn(device);
    await signIn(device);
    await expect(signIn(device, { count: 1 })).rejects.toThrow(/copied passkey/);
    await expect(signIn(device, { count: 2 })).rejects.toThrow(/copied passkey/);
    expect((await db.passkey.findUniqueOrThrow({ where: { id: added.id } })).counter).toBe(2n);
    expect((await refusals(user.id)).map((e) => e.metadata)).toEqual([
      { reason: "cloned", as: "sign-in", storedCounter: 2, answerCounter: 1 },
      { reason: "cloned", as: "sign-in", storedCounter: 2, answerCounter: 2 },
    ]);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(2);
  });

  it("accepts an authenticator that keeps no count (always 0), and refuses unknown passkeys and unverified users", async () => {
    const { user, device } = await withPasskey();
    await signIn(device, { count: 0 });
    await signIn(device, { count: 0 });
    await expect(signIn(device, { userVerified: false })).rejects.toThrow(/did not check that it is you/);
    await expect(signIn(softAuthenticator())).rejects.toThrow(/not registered with Handout Portal/);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("passkeys: the second step", () => {
  it("a right password leads to a second step that a passkey of the account completes, without user verification", async () => {
    const { user, device } = await withPasskey();
    const step = await stepAfterPassword(user, null);
    if (step.next !== "second-factor") throw new Error(`expected the second step, got ${step.next}`);
    const token = step.cookie.value;
    expect((await db.pendingSignIn.findFirstOrThrow({ where: { userId: user.id } })).methods).toEqual([
      "passkey",
      "recovery",
    ]);
    // Another account's passkey does not complete it, and an answer to this one's challenge is used up.
    const stranger = await withPasskey();
    const options = await startAssertion(site, "second-factor", user.id);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([device.id]);
    await expect(
      provePasskeySecondStep(
        token,
        site,
        { response: asAssertion(stranger.device.assert(options)), trust: false },
        info,
      ),
    ).rejects.toThrow(/not one of this account's/);
    const answer = asAssertion(
      device.assert(await startAssertion(site, "second-factor", user.id), { userVerified: false }),
    );
    const done = await provePasskeySecondStep(token, site, { response: answer, trust: false }, info);
    expect(done.user.id).toBe(user.id);
    await expect(provePasskeySecondStep(token, site, { response: answer, trust: false }, info)).rejects.toThrow(
      /already completed/,
    );
    expect(await db.auditEvent.count({ where: { action: "auth.second_factor_failed", actorId: user.id } })).toBe(1);
  });
});

describe("passkeys: names and removal", () => {
  it("renames and removes only the member's own; the last one goes with the recovery codes, unless a clinic requires a second factor", async () => {
    const { clinic, clinician } = await createClinicWithMembers(db);
    const { added } = await withPasskey(clinician);
    const other = await withPasskey();
    expect(await renamePasskey(clinician.id, other.added.id, "Mine now")).toBe(false);
    expect(await removePasskey(clinician.id, other.added.id, info)).toBe(false);
    expect(await renamePasskey(clinician.id, added.id, "Phone")).toBe(true);
    await db.clinic.update({ where: { id: clinic.id }, data: { requireSecondFactor: true } });
    await expect(removePasskey(clinician.id, added.id, info)).rejects.toThrow(/requires a second factor/);
    await db.clinic.update({ where: { id: clinic.id }, data: { requireSecondFactor: false } });
    expect(await removePasskey(clinician.id, added.id, info)).toBe(true);
    expect(await db.passkey.count({ where: { userId: clinician.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: clinician.id } })).toBe(0);
    expect(await db.passkey.count({ where: { id: other.added.id, name: "Test laptop" } })).toBe(1);
    expect((await stepAfterPassword(clinician, null)).next).toBe("session");
  });
});
