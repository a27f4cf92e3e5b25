import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions } from "@/lib/auth";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/accounts/second-factor";
import { findActiveSession } from "@/lib/accounts/sessions";
import { isPasswordRefused, requiresSsoToJoin } from "@/lib/sso/password-policy";
import { completeSignOn } from "@/lib/sso/callback";
import { openFlow, sealFlow } from "@/lib/sso/flow-cookie";
import { findSsoSettings, findSsoSummary, ssoRedirectUri, updateSsoSettings } from "@/lib/sso/settings";
import { startSignOn } from "@/lib/sso/start";
import { addMember, createClinic, createUser } from "@/prisma/seed/factories";
import { startTestIdp, type TestIdp } from "../support/oidc-provider";
import { act, db, info } from "./helpers";

// Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1, tests/support/oidc-provider.ts):
// the portal's own start and callback code, the real database, and the provider's real code exchange, ID
// tokens and userinfo. The browser's part (the flow cookie, following redirects) is played by the test.
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: ssoRedirectUri() });
});
afterAll(() => idp?.stop());

const random = () => crypto.randomBytes(4).toString("hex");

/** Two-step sign-in set up for `userId`, as the profile page does. */
async function enrolSecondFactor(userId: string) {
  const { secret, sealed } = startTotpEnrolment(userId);
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  await db.$transaction((tx) => confirmTotpEnrolment(userId, sealed, code, tx));
}

async function ssoClinic(opts: { allowJit?: boolean; requireSso?: boolean } = {}) {
  const domain = `sso-${random()}.example`;
  const clinic = await createClinic(db);
  const owner = await createUser(db, { email: `owner@${domain}`, name: "Olive Owner" });
  const member = await createUser(db, { email: `member@${domain}`, name: "Mo Member" });
  await addMember(db, owner.id, clinic.id, "OWNER");
  await addMember(db, member.id, clinic.id, "CLINICIAN");
  if (opts.requireSso) await enrolSecondFactor(owner.id);
  const settings = {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: [domain],
    enabled: true,
    allowJit: opts.allowJit ?? false,
    requireSso: opts.requireSso ?? false,
  };
  await act(owner.id, clinic.id, updateSsoSettings, settings);
  return { clinic, owner, member, domain, settings };
}

/** What a browser does: start at the portal, sign in at the provider as `login`, come back with the flow cookie. */
async function signOn(email: string, login = email) {
  const { url, flowCookie } = await startSignOn(email);
  const back = await idp.signIn(url, login);
  return { back, flowCookie, outcome: await completeSignOn(back.search, flowCookie, info) };
}

const sessionsOf = (userId: string) => db.authSession.count({ where: { userId } });
const refusals = (clinicId: string) =>
  db.auditEvent.findMany({ where: { clinicId, action: "auth.sso_refused" }, select: { metadata: true } });

describe("single sign-on settings", () => {
  it("an owner saves them after the provider's discovery answered: the secret is stored sealed, never shown again, and the change is audited", async () => {
    const { clinic, owner, domain } = await ssoClinic();
    const row = await db.clinicSso.findUniqueOrThrow({ where: { clinicId: clinic.id } });
    expect(row.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    const shown = await act(owner.id, clinic.id, findSsoSettings);
    expect(shown).toMatchObject({
      issuer: idp.issuer,
      clientId: idp.clientId,
      domains: [domain],
      enabled: true,
      allowJit: false,
      requireSso: false,
    });
    expect(JSON.stringify(shown)).not.toContain(idp.clientSecret);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { clinicId: clinic.id, action: "clinic.sso_changed" },
    });
    expect(event).toMatchObject({ actorId: owner.id, metadata: { domains: [domain], created: true } });
    expect(JSON.stringify(event.metadata)).not.toContain(idp.clientSecret);

    // An empty secret keeps the saved one: signing in still works.
    await act(owner.id, clinic.id, updateSsoSettings, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: undefined,
      domains: [domain, `more-${domain}`],
      enabled: true,
      allowJit: true,
      requireSso: false,
    });
    expect((await signOn(`owner@${domain}`)).outcome).toMatchObject({ ok: true });
  });

  it("refuses an issuer that does not answer, or a domain another clinic has, and writes nothing", async () => {
    const { clinic, owner, domain, settings } = await ssoClinic();
    const other = await createClinic(db);
    const otherOwner = await createUser(db);
    await addMember(db, otherOwner.id, other.id, "OWNER");
    const otherSettings = { ...settings, domains: [`else-${domain}`] };

    await expect(
      act(otherOwner.id, other.id, updateSsoSettings, { ...otherSettings, issuer: "http://127.0.0.1:9" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        issuer: [expect.stringMatching(/could not reach http:\/\/127\.0\.0\.1:9\/\.well-known\/openid-configuration/)],
      },
    });
    await expect(
      act(otherOwner.id, other.id, updateSsoSettings, { ...otherSettings, issuer: `${idp.issuer}/not-the-issuer` }),
    ).rejects.toMatchObject({
      fieldErrors: { issuer: [expect.stringMatching(/did not answer with a usable OpenID configuration/)] },
    });
    await expect(
      act(otherOwner.id, other.id, updateSsoSettings, { ...otherSettings, domains: [`else-${domain}`, domain] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        domains: [
          `${domain} is already used by another clinic's single sign-on. Each domain can belong to one clinic.`,
        ],
      },
    });
    expect(await db.clinicSso.count({ where: { clinicId: other.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { clinicId: other.id, action: "clinic.sso_changed" } })).toBe(0);
    // The first clinic's settings are as they were.
    expect(await act(owner.id, clinic.id, findSsoSettings)).toMatchObject({ domains: [domain] });
  });

  it("only the clinic's owners: an admin sees whether it is on but not the settings, and another clinic's owner sees nothing", async () => {
    const { clinic, settings, domain } = await ssoClinic();
    const admin = await createUser(db);
    await addMember(db, admin.id, clinic.id, "ADMIN");
    expect(await act(admin.id, clinic.id, findSsoSummary)).toEqual({
      enabled: true,
      allowJit: false,
      requireSso: false,
      domains: [domain],
    });
    await expect(act(admin.id, clinic.id, findSsoSettings)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(act(admin.id, clinic.id, updateSsoSettings, { ...settings, allowJit: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await createClinic(db);
    const otherOwner = await createUser(db);
    await addMember(db, otherOwner.id, other.id, "OWNER");
    await expect(act(otherOwner.id, clinic.id, findSsoSettings)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(otherOwner.id, clinic.id, findSsoSummary)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await act(otherOwner.id, other.id, findSsoSummary)).toBeNull();
    expect(await db.clinicSso.findUniqueOrThrow({ where: { clinicId: clinic.id } })).toMatchObject({ allowJit: false });
  });
});

describe("signing in through the clinic's provider", () => {
  it("a member signs in: a session like any other, audited as a sign-in by single sign-on, and the browser lands on the clinic", async () => {
    const { clinic, member } = await ssoClinic();
    idp.setAccount(member.email, { sub: `sub-${random()}`, name: "Mo Member" });
    const { outcome } = await signOn(member.email);
    expect(outcome).toMatchObject({
      ok: true,
      userId: member.id,
      clinicId: clinic.id,
      redirectTo: `/clinics/${clinic.id}`,
    });
    if (!outcome.ok) return;
    expect(await db.authSession.findUniqueOrThrow({ where: { id: outcome.sessionId } })).toMatchObject({
      userId: member.id,
      endedAt: null,
      ip: info.ip,
      ssoClinicId: clinic.id,
    });
    // What every request reads (lib/authz.ts): the session, and the one clinic it opens.
    expect(await findActiveSession(outcome.sessionId, 1)).toMatchObject({
      sessionId: outcome.sessionId,
      ssoClinicId: clinic.id,
      user: { id: member.id },
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", targetId: outcome.sessionId } }),
    ).toMatchObject({ clinicId: clinic.id, actorId: member.id, metadata: { method: "sso" } });
    expect(
      await db.ssoIdentity.findUniqueOrThrow({
        where: { clinicId_userId: { clinicId: clinic.id, userId: member.id } },
      }),
    ).toMatchObject({ issuer: idp.issuer });
  });

  it("says plainly when no clinic signs in with single sign-on for the address's domain", async () => {
    await expect(startSignOn(`someone@nobody-${random()}.example`)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(
        /^No clinic signs in with single sign-on for addresses at nobody-\w+\.example\. Sign in with your email and password instead\.$/,
      ),
    });
  });

  it("refuses an address at a domain the provider may not speak for, and an unverified one", async () => {
    const { clinic, member } = await ssoClinic();
    idp.setAccount(member.email, { email: `member@elsewhere-${random()}.example` });
    expect((await signOn(member.email)).outcome).toEqual({ ok: false, reason: "domain_not_allowed" });
    idp.setAccount(member.email, { email: member.email, email_verified: false });
    expect((await signOn(member.email)).outcome).toEqual({ ok: false, reason: "email_unverified" });
    expect(await sessionsOf(member.id)).toBe(0);
    expect((await refusals(clinic.id)).map((r) => (r.metadata as { reason: string }).reason)).toEqual([
      "domain_not_allowed",
      "email_unverified",
    ]);
  });

  it("a wrong state, a wrong nonce, a flow from another browser, a changed or expired flow cookie, a forged code: nobody is signed in", async () => {
    const { member } = await ssoClinic();
    const first = await startSignOn(member.email);
    const second = await startSignOn(member.email);
    const back = await idp.signIn(first.url, member.email);
    // The first sign-in's answer with the second one's cookie: the state is not this flow's.
    expect(await completeSignOn(back.search, second.flowCookie, info)).toEqual({ ok: false, reason: "state_mismatch" });
    // This flow's state and verifier, another nonce: the ID token names the nonce it was issued for.
    const flow = openFlow(first.flowCookie)!;
    expect(await completeSignOn(back.search, sealFlow({ ...flow, nonce: "another-nonce" }), info)).toEqual({
      ok: false,
      reason: "state_mismatch",
    });
    // No cookie (another browser), a changed one, an expired one.
    const accountsLog = () => db.auditEvent.count({ where: { clinicId: null, action: "auth.sso_refused" } });
    const logged = await accountsLog();
    expect(await completeSignOn(back.search, undefined, info)).toEqual({ ok: false, reason: "no_flow" });
    const parts = first.flowCookie.split(".");
    parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
    expect(await completeSignOn(back.search, parts.join("."), info)).toEqual({ ok: false, reason: "no_flow" });
    expect(await completeSignOn(back.search, sealFlow({ ...flow, expiresAt: Date.now() - 1 }), info)).toEqual({
      ok: false,
      reason: "no_flow",
    });
    expect(await accountsLog()).toBe(logged);
    // A code made up by whoever wrote the callback address, with the right state.
    const forged = new URLSearchParams(back.search);
    forged.set("code", "forged-code-forged-code-forged-code");
    expect(await completeSignOn(`?${forged}`, first.flowCookie, info)).toEqual({ ok: false, reason: "code_rejected" });
    // The provider saying no.
    const denied = new URLSearchParams({ error: "access_denied", state: flow.state, iss: idp.issuer });
    expect(await completeSignOn(`?${denied}`, first.flowCookie, info)).toEqual({ ok: false, reason: "provider_error" });
    expect(await sessionsOf(member.id)).toBe(0);
  });

  it("an expired code and a code used twice are refused by the provider", async () => {
    const { member } = await ssoClinic();
    idp.setCodeTtl(1);
    try {
      const { url, flowCookie } = await startSignOn(member.email);
      const back = await idp.signIn(url, member.email);
      await new Promise((r) => setTimeout(r, 2100));
      expect(await completeSignOn(back.search, flowCookie, info)).toEqual({ ok: false, reason: "code_rejected" });
    } finally {
      idp.setCodeTtl(60);
    }
    const { back, flowCookie, outcome } = await signOn(member.email);
    expect(outcome).toMatchObject({ ok: true });
    expect(await completeSignOn(back.search, flowCookie, info)).toEqual({ ok: false, reason: "code_rejected" });
    expect(await sessionsOf(member.id)).toBe(1);
  });

  it("a provider that is down: the sign-in page says so before leaving, and a callback after it went down signs nobody in", async () => {
    const down = await startTestIdp({ redirectUri: ssoRedirectUri() });
    const { clinic, owner, member, settings } = await ssoClinic();
    await act(owner.id, clinic.id, updateSsoSettings, {
      ...settings,
      issuer: down.issuer,
      clientId: down.clientId,
      clientSecret: down.clientSecret,
    });
    const { url, flowCookie } = await startSignOn(member.email);
    const back = await down.signIn(url, member.email);
    await down.stop();
    expect(await completeSignOn(back.search, flowCookie, info)).toEqual({ ok: false, reason: "provider_unreachable" });
    await expect(startSignOn(member.email)).rejects.toMatchObject({
      message: `Your clinic's identity provider (${new URL(down.issuer).host}) could not be reached. Try again in a few minutes.`,
    });
    expect(await sessionsOf(member.id)).toBe(0);
  });
});

describe("who may join through single sign-on", () => {
  it("just-in-time off: a new address needs an invite, and joins with the invite's role; on: joins as a clinician", async () => {
    const { clinic, owner, domain, settings } = await ssoClinic();
    const stranger = `new-${random()}@${domain}`;
    expect((await signOn(stranger)).outcome).toEqual({ ok: false, reason: "no_invite" });
    expect(await db.user.count({ where: { email: stranger } })).toBe(0);

    const invited = `invited-${random()}@${domain}`;
    const invite = await db.invite.create({
      data: {
        clinicId: clinic.id,
        email: invited,
        role: "ADMIN",
        tokenHash: random(),
        invitedById: owner.id,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const joined = (await signOn(invited)).outcome;
    expect(joined).toMatchObject({ ok: true });
    expect(
      await db.membership.findFirstOrThrow({ where: { clinicId: clinic.id, user: { email: invited } } }),
    ).toMatchObject({ role: "ADMIN" });
    expect(await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).toMatchObject({
      acceptedAt: expect.any(Date),
    });
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { clinicId: clinic.id, action: "member.invite_accepted", targetId: invite.id },
      }),
    ).toMatchObject({ metadata: { method: "sso" } });

    await act(owner.id, clinic.id, updateSsoSettings, { ...settings, clientSecret: undefined, allowJit: true });
    idp.setAccount(stranger, { name: "Nia New" });
    const jit = (await signOn(stranger)).outcome;
    expect(jit).toMatchObject({ ok: true, redirectTo: `/clinics/${clinic.id}` });
    const user = await db.user.findUniqueOrThrow({ where: { email: stranger }, include: { memberships: true } });
    expect(user).toMatchObject({ name: "Nia New", memberships: [{ clinicId: clinic.id, role: "CLINICIAN" }] });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { clinicId: clinic.id, action: "member.sso_joined" } }),
    ).toMatchObject({ actorId: user.id, metadata: { role: "CLINICIAN" } });
  });

  it("an existing account that is not a member is refused even with just-in-time on; a disabled member is refused", async () => {
    const { clinic, member, domain } = await ssoClinic({ allowJit: true });
    const outsider = await createUser(db, { email: `outsider-${random()}@${domain}` });
    const elsewhere = await createClinic(db);
    await addMember(db, outsider.id, elsewhere.id, "OWNER");
    expect((await signOn(outsider.email)).outcome).toEqual({ ok: false, reason: "not_member" });
    expect(await db.membership.count({ where: { userId: outsider.id, clinicId: clinic.id } })).toBe(0);
    await db.user.update({ where: { id: member.id }, data: { disabledAt: new Date() } });
    expect((await signOn(member.email)).outcome).toEqual({ ok: false, reason: "disabled" });
    expect(await sessionsOf(outsider.id)).toBe(0);
    expect(await sessionsOf(member.id)).toBe(0);
  });

  it("an address the provider gives to another person later does not open the account, nor make a new one", async () => {
    const { member, domain } = await ssoClinic({ allowJit: true });
    const subject = `sub-${random()}`;
    idp.setAccount(member.email, { sub: subject });
    expect((await signOn(member.email)).outcome).toMatchObject({ ok: true });
    idp.setAccount(member.email, { sub: `sub-${random()}` });
    expect((await signOn(member.email)).outcome).toEqual({ ok: false, reason: "other_person" });
    // The first person, now with a new address at the provider: that address is not theirs here.
    const renamed = `renamed-${random()}@${domain}`;
    idp.setAccount(renamed, { sub: subject });
    expect((await signOn(renamed)).outcome).toEqual({ ok: false, reason: "other_person" });
    expect(await db.user.count({ where: { email: renamed } })).toBe(0);
    expect(await sessionsOf(member.id)).toBe(1);
  });
});

describe("require single sign-on", () => {
  async function passwordSignIn(email: string, password: string) {
    const provider = authOptions().providers[0] as unknown as { options: CredentialsConfig };
    const headers = {
      "x-portal-client-ip": `198.51.100.${1 + (crypto.randomBytes(1)[0]! % 250)}`,
      "user-agent": "vitest",
    };
    return Promise.resolve(provider.options.authorize({ email, password }, { headers } as never)).then(
      (u) => (u ? "signed in" : "wrong"),
      (e: Error) => e.message,
    );
  }

  it("a member's right password is refused with its own message; an owner keeps the password with the second step as a break-glass path, recorded", async () => {
    const { clinic, owner, member } = await ssoClinic({ requireSso: true });
    const ownerWithoutFactor = await createUser(db);
    await addMember(db, ownerWithoutFactor.id, clinic.id, "OWNER");
    expect(await passwordSignIn(member.email, member.password)).toBe("sso_required");
    expect(await passwordSignIn(member.email, "a-wrong-password-123")).toBe("wrong");
    expect(await sessionsOf(member.id)).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { clinicId: clinic.id, action: "auth.password_refused_sso", actorId: member.id },
      }),
    ).toBe(1);
    // The member's way in.
    expect((await signOn(member.email)).outcome).toMatchObject({ ok: true });

    // The password leads to the second step, not to a session; without a second factor, not even there.
    expect(await passwordSignIn(owner.email, owner.password)).toBe("second_factor");
    expect(
      await db.auditEvent.count({ where: { clinicId: clinic.id, action: "auth.sso_break_glass", actorId: owner.id } }),
    ).toBe(1);
    expect(await passwordSignIn(ownerWithoutFactor.email, ownerWithoutFactor.password)).toBe("sso_required_owner");
    expect(await sessionsOf(owner.id)).toBe(0);
    expect(await sessionsOf(ownerWithoutFactor.id)).toBe(0);
    // The same rule after an invite is accepted with a password: the invite page sends members on to the provider.
    expect([
      await isPasswordRefused(member.id),
      await isPasswordRefused(owner.id),
      await isPasswordRefused(ownerWithoutFactor.id),
    ]).toEqual([true, false, true]);
    expect([await requiresSsoToJoin(clinic.id, "CLINICIAN"), await requiresSsoToJoin(clinic.id, "OWNER")]).toEqual([
      true,
      false,
    ]);
  });

  it("an owner without two-step sign-in cannot require single sign-on: the break-glass path needs it", async () => {
    const { clinic, owner, settings } = await ssoClinic();
    await expect(act(owner.id, clinic.id, updateSsoSettings, { ...settings, requireSso: true })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { requireSso: [expect.stringMatching(/^Set up your own two-step sign-in first/)] },
    });
    expect(await db.clinicSso.findUniqueOrThrow({ where: { clinicId: clinic.id } })).toMatchObject({
      requireSso: false,
    });
    await enrolSecondFactor(owner.id);
    await act(owner.id, clinic.id, updateSsoSettings, { ...settings, clientSecret: undefined, requireSso: true });
    expect(await db.clinicSso.findUniqueOrThrow({ where: { clinicId: clinic.id } })).toMatchObject({
      requireSso: true,
    });
  });

  it("cannot be required while single sign-on is off, and turning it off gives members their passwords back", async () => {
    const { clinic, owner, member, settings } = await ssoClinic({ requireSso: true });
    const { ssoSettingsSchema } = await import("@/lib/sso/schemas");
    const parsed = ssoSettingsSchema.safeParse({
      ...settings,
      domains: settings.domains.join("\n"),
      enabled: undefined,
      requireSso: "on",
    });
    expect(parsed.success).toBe(false);
    await expect(db.clinicSso.update({ where: { clinicId: clinic.id }, data: { enabled: false } })).rejects.toThrow(
      /ClinicSso_require_needs_enabled/,
    );
    await act(owner.id, clinic.id, updateSsoSettings, {
      ...settings,
      clientSecret: undefined,
      enabled: false,
      requireSso: false,
    });
    expect(await passwordSignIn(member.email, member.password)).toBe("signed in");
  });
});
