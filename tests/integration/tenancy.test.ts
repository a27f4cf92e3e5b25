import { describe, expect, it } from "vitest";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { getMembership } from "@/lib/clinics/membership";
import { findMembers } from "@/lib/clinics/queries";
import { createInvite, revokeInvite } from "@/lib/clinics/invites";
import { changeRole, removeMember } from "@/lib/clinics/mutations";
import { db, info } from "./helpers";

describe("clinic isolation", () => {
  it("a member of clinic A gets NOT_FOUND for every clinic-B query and action, and B is unchanged", async () => {
    const a = await createClinicWithMembers(db, "Clinic A");
    const b = await createClinicWithMembers(db, "Clinic B");
    const bMembership = await db.membership.findFirstOrThrow({ where: { clinicId: b.clinic.id, userId: b.clinician.id } });
    const bInvite = await createInvite(b.owner.id, b.clinic.id, { email: "new@b.example", role: "CLINICIAN" }, info);

    const attempts: [string, () => Promise<unknown>][] = [
      ["membership", () => getMembership(a.owner.id, b.clinic.id)],
      ["members list", () => findMembers(a.owner.id, b.clinic.id)],
      ["invite", () => createInvite(a.owner.id, b.clinic.id, { email: "x@a.example", role: "ADMIN" }, info)],
      ["revoke invite", () => revokeInvite(a.owner.id, b.clinic.id, bInvite.id, info)],
      ["change role", () => changeRole(a.owner.id, b.clinic.id, bMembership.id, "ADMIN", info)],
      ["remove member", () => removeMember(a.owner.id, b.clinic.id, bMembership.id, info)],
      // A's own clinic id with B's membership id: the where-clause scoping must not find it.
      ["change role via own clinic", () => changeRole(a.owner.id, a.clinic.id, bMembership.id, "ADMIN", info)],
      ["remove via own clinic", () => removeMember(a.owner.id, a.clinic.id, bMembership.id, info)],
      ["revoke via own clinic", () => revokeInvite(a.owner.id, a.clinic.id, bInvite.id, info)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.membership.findUniqueOrThrow({ where: { id: bMembership.id } })).toMatchObject({ role: "CLINICIAN" });
    expect(await db.invite.findUniqueOrThrow({ where: { id: bInvite.id } })).toMatchObject({ revokedAt: null });
    expect(await db.invite.count({ where: { clinicId: b.clinic.id } })).toBe(1);
  });

  it("a clinician cannot invite, change roles or remove members, even calling the domain functions directly", async () => {
    const c = await createClinicWithMembers(db);
    const adminMembership = await db.membership.findFirstOrThrow({ where: { clinicId: c.clinic.id, userId: c.admin.id } });
    await expect(createInvite(c.clinician.id, c.clinic.id, { email: "y@c.example", role: "CLINICIAN" }, info)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeRole(c.clinician.id, c.clinic.id, adminMembership.id, "CLINICIAN", info)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(c.clinician.id, c.clinic.id, adminMembership.id, info)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findMembers(c.clinician.id, c.clinic.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).toMatchObject({ role: "ADMIN" });
    expect(await db.invite.count({ where: { clinicId: c.clinic.id } })).toBe(0);
  });
});
