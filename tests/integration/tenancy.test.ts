import { describe, expect, it } from "vitest";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { getMembership } from "@/lib/clinics/membership";
import { findMembers } from "@/lib/clinics/queries";
import { createInvite, revokeInvite } from "@/lib/clinics/invites";
import { changeRole, removeMember } from "@/lib/clinics/mutations";
import { db, act } from "./helpers";

describe("clinic isolation", () => {
  it("a member of clinic A gets NOT_FOUND for every clinic-B query and action, and B is unchanged", async () => {
    const a = await createClinicWithMembers(db, "Clinic A");
    const b = await createClinicWithMembers(db, "Clinic B");
    const bMembership = await db.membership.findFirstOrThrow({
      where: { clinicId: b.clinic.id, userId: b.clinician.id },
    });
    const bInvite = await act(b.owner.id, b.clinic.id, createInvite, { email: "new@b.example", role: "CLINICIAN" });

    const attempts: [string, () => Promise<unknown>][] = [
      ["membership", () => getMembership(a.owner.id, b.clinic.id)],
      ["members list", () => act(a.owner.id, b.clinic.id, findMembers)],
      ["invite", () => act(a.owner.id, b.clinic.id, createInvite, { email: "x@a.example", role: "ADMIN" })],
      ["revoke invite", () => act(a.owner.id, b.clinic.id, revokeInvite, bInvite.id)],
      ["change role", () => act(a.owner.id, b.clinic.id, changeRole, bMembership.id, "ADMIN")],
      ["remove member", () => act(a.owner.id, b.clinic.id, removeMember, bMembership.id)],
      // A's own clinic id with B's membership id: the where-clause scoping must not find it.
      ["change role via own clinic", () => act(a.owner.id, a.clinic.id, changeRole, bMembership.id, "ADMIN")],
      ["remove via own clinic", () => act(a.owner.id, a.clinic.id, removeMember, bMembership.id)],
      ["revoke via own clinic", () => act(a.owner.id, a.clinic.id, revokeInvite, bInvite.id)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.membership.findUniqueOrThrow({ where: { id: bMembership.id } })).toMatchObject({
      role: "CLINICIAN",
    });
    expect(await db.invite.findUniqueOrThrow({ where: { id: bInvite.id } })).toMatchObject({ revokedAt: null });
    expect(await db.invite.count({ where: { clinicId: b.clinic.id } })).toBe(1);
  });

  it("a clinician cannot invite, change roles or remove members, even calling the domain functions directly", async () => {
    const c = await createClinicWithMembers(db);
    const adminMembership = await db.membership.findFirstOrThrow({
      where: { clinicId: c.clinic.id, userId: c.admin.id },
    });
    await expect(
      act(c.clinician.id, c.clinic.id, createInvite, { email: "y@c.example", role: "CLINICIAN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(act(c.clinician.id, c.clinic.id, changeRole, adminMembership.id, "CLINICIAN")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(c.clinician.id, c.clinic.id, removeMember, adminMembership.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(c.clinician.id, c.clinic.id, findMembers)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).toMatchObject({
      role: "ADMIN",
    });
    expect(await db.invite.count({ where: { clinicId: c.clinic.id } })).toBe(0);
  });
});
