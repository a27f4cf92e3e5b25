import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/accounts/second-factor";
import { trustBrowser } from "@/lib/accounts/trusted-browsers";
import { createAuthSession } from "@/lib/accounts/sessions";
import { findSignedInDevices, signOutDevice, signOutOtherDevices } from "@/lib/accounts/devices";
import { removeOwnSecondFactor } from "@/lib/accounts/second-factor-settings";
import { resetMemberSecondFactor, setSecondFactorPolicy } from "@/lib/clinics/second-factor-policy";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { act, db, info, mailbox, sendAccountEmails } from "./helpers";

// What owners and admins do about members' second factors, and a member's signed-in devices.

async function enrol(userId: string) {
  const { secret, sealed } = startTotpEnrolment(userId);
  await db.$transaction(async (tx) => confirmTotpEnrolment(userId, sealed, await generate({ secret }), tx));
}

describe("clinic policy and reset", () => {
  it("an owner requires a second factor only once they have one, and a member then cannot remove theirs", async () => {
    const { clinic, owner, clinician } = await createClinicWithMembers(db);
    await expect(act(owner.id, clinic.id, setSecondFactorPolicy, true)).rejects.toThrow(
      /Set up your own second factor first/,
    );
    await enrol(owner.id);
    await act(owner.id, clinic.id, setSecondFactorPolicy, true);
    expect(
      await db.auditEvent.findFirst({ where: { clinicId: clinic.id, action: "clinic.second_factor_policy_changed" } }),
    ).toMatchObject({ metadata: { required: true } });
    await expect(act(clinician.id, clinic.id, setSecondFactorPolicy, false)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await enrol(clinician.id);
    await expect(removeOwnSecondFactor(clinician.id, info)).rejects.toThrow(/requires a second factor/);
    expect(await db.totpFactor.count({ where: { userId: clinician.id } })).toBe(1);
  });

  it("an admin resets a clinician's: factor, codes and trusted browsers go, sessions end, the member is emailed, all audited", async () => {
    const { clinic, admin, clinician } = await createClinicWithMembers(db, "Reset Test Clinic");
    await enrol(clinician.id);
    const session = await createAuthSession(clinician.id, null, null);
    await db.$transaction((tx) => trustBrowser({ id: clinician.id, sessionVersion: 1 }, info, tx));
    const membership = await db.membership.findFirstOrThrow({ where: { clinicId: clinic.id, userId: clinician.id } });
    await act(admin.id, clinic.id, resetMemberSecondFactor, membership.id);
    expect(await db.totpFactor.count({ where: { userId: clinician.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: clinician.id } })).toBe(0);
    expect(await db.trustedBrowser.count({ where: { userId: clinician.id, revokedAt: null } })).toBe(0);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).endedAt).not.toBeNull();
    expect(
      await db.auditEvent.findFirst({ where: { clinicId: clinic.id, action: "auth.second_factor_reset" } }),
    ).toMatchObject({ actorId: admin.id, targetId: clinician.id });
    expect(await sendAccountEmails(clinician.email)).toEqual(["sent"]);
    const [mail] = await mailbox().waitFor(clinician.email);
    expect(mail?.subject).toBe("Your Handout Portal sign-in was reset");
    expect(mail?.text).toContain("An owner or admin of Reset Test Clinic reset the second step of your sign-in");
  });

  it("an admin cannot reset an owner's, nobody resets their own here, and clinic B's manager cannot reach clinic A's member", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    await enrol(a.owner.id);
    await enrol(a.admin.id);
    await enrol(a.clinician.id);
    const ownerMembership = await db.membership.findFirstOrThrow({
      where: { clinicId: a.clinic.id, userId: a.owner.id },
    });
    const adminMembership = await db.membership.findFirstOrThrow({
      where: { clinicId: a.clinic.id, userId: a.admin.id },
    });
    const clinicianMembership = await db.membership.findFirstOrThrow({
      where: { clinicId: a.clinic.id, userId: a.clinician.id },
    });
    await expect(act(a.admin.id, a.clinic.id, resetMemberSecondFactor, ownerMembership.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(a.admin.id, a.clinic.id, resetMemberSecondFactor, adminMembership.id)).rejects.toThrow(
      /from your profile/,
    );
    await expect(act(a.clinician.id, a.clinic.id, resetMemberSecondFactor, adminMembership.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(b.owner.id, b.clinic.id, resetMemberSecondFactor, clinicianMembership.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.totpFactor.count({ where: { userId: { in: [a.owner.id, a.admin.id, a.clinician.id] } } })).toBe(3);
  });
});

describe("signed-in devices", () => {
  it("lists the member's valid sessions, and signs out one or all others, never someone else's", async () => {
    const { clinician, admin } = await createClinicWithMembers(db);
    const here = await createAuthSession(
      clinician.id,
      "198.51.100.1",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
    );
    const phone = await createAuthSession(
      clinician.id,
      "198.51.100.2",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1",
    );
    const laptop = await createAuthSession(clinician.id, "198.51.100.3", null);
    const theirs = await createAuthSession(admin.id, null, null);
    const me = { id: clinician.id, sessionId: here.id };
    const devices = await findSignedInDevices(clinician.id, here.id);
    expect(devices.map((d) => [d.browser, d.isCurrent])).toEqual(
      expect.arrayContaining([
        ["Chrome on Linux", true],
        ["Safari on iOS", false],
        ["Unknown browser", false],
      ]),
    );
    expect(await signOutDevice(me, theirs.id, info)).toBe(false);
    expect(await signOutDevice(me, here.id, info)).toBe(false);
    expect(await signOutDevice(me, phone.id, info)).toBe(true);
    expect(
      await db.auditEvent.count({ where: { actorId: clinician.id, action: "auth.session_ended", targetId: phone.id } }),
    ).toBe(1);
    expect(await signOutOtherDevices(me, info)).toBe(1);
    const left = await db.authSession.findMany({
      where: { id: { in: [here.id, laptop.id, theirs.id] } },
      select: { id: true, endedAt: true },
    });
    expect(Object.fromEntries(left.map((s) => [s.id, s.endedAt === null]))).toEqual({
      [here.id]: true,
      [laptop.id]: false,
      [theirs.id]: true,
    });
  });
});
