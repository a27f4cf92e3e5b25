import { describe, expect, it } from "vitest";
import { acceptInvite, createInvite } from "@/lib/clinics/invites";
import { createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { verifyPassword } from "@/lib/accounts/passwords";
import { db, info, linkToken, mailbox, act, sendAccountEmails } from "./helpers";

async function invite(clinicId: string, actorId: string, email: string, role: "ADMIN" | "CLINICIAN" = "CLINICIAN") {
  await act(actorId, clinicId, createInvite, { email, role });
  expect(await sendAccountEmails(email)).toEqual(["sent"]);
  const mails = await mailbox().waitFor(email);
  return linkToken(mails.at(-1)!.text ?? "", "/invite");
}

describe("invites", () => {
  it("emails a single-use link that creates the account and the membership", async () => {
    const c = await createClinicWithMembers(db);
    const email = `new-${Date.now()}@test.example`;
    const token = await invite(c.clinic.id, c.owner.id, email, "ADMIN");
    const [mail] = await mailbox().waitFor(email);
    expect(mail!.subject).toContain(c.clinic.name);

    await acceptInvite(token, { name: "Nia New", password: "a-long-new-passphrase" }, info);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, "a-long-new-passphrase")).toBe(true);
    expect(await db.membership.findFirst({ where: { userId: user.id, clinicId: c.clinic.id } })).toMatchObject({
      role: "ADMIN",
    });

    await expect(acceptInvite(token, { name: "Again", password: "a-long-new-passphrase" }, info)).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });

  it("an expired invite cannot be accepted and creates nothing", async () => {
    const c = await createClinicWithMembers(db);
    const email = `late-${Date.now()}@test.example`;
    const token = await invite(c.clinic.id, c.owner.id, email);
    await db.invite.updateMany({
      where: { clinicId: c.clinic.id, email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvite(token, { name: "Late", password: "a-long-new-passphrase" }, info)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("is valid for 72 hours", async () => {
    const c = await createClinicWithMembers(db);
    const email = `ttl-${Date.now()}@test.example`;
    await invite(c.clinic.id, c.owner.id, email);
    const row = await db.invite.findFirstOrThrow({ where: { clinicId: c.clinic.id, email } });
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 3600_000)).toBe(72);
  });

  it("two simultaneous accepts of one link: exactly one succeeds", async () => {
    const c = await createClinicWithMembers(db);
    const email = `race-${Date.now()}@test.example`;
    const token = await invite(c.clinic.id, c.owner.id, email);
    const results = await Promise.allSettled([
      acceptInvite(token, { name: "One", password: "a-long-new-passphrase" }, info),
      acceptInvite(token, { name: "Two", password: "a-long-new-passphrase" }, info),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("an existing account joins with its own password; a wrong password adds nothing", async () => {
    const c = await createClinicWithMembers(db);
    const existing = await createUser(db);
    const token = await invite(c.clinic.id, c.owner.id, existing.email);
    await expect(acceptInvite(token, { password: "not-the-password" }, info)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.membership.count({ where: { userId: existing.id, clinicId: c.clinic.id } })).toBe(0);
    await acceptInvite(token, { password: existing.password }, info);
    expect(await db.membership.count({ where: { userId: existing.id, clinicId: c.clinic.id } })).toBe(1);
  });

  it("refuses to invite an existing member, and an admin cannot invite an owner", async () => {
    const c = await createClinicWithMembers(db);
    await expect(
      act(c.owner.id, c.clinic.id, createInvite, { email: c.clinician.email, role: "ADMIN" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: [expect.any(String)] },
    });
    await expect(
      act(c.admin.id, c.clinic.id, createInvite, { email: "boss@test.example", role: "OWNER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
