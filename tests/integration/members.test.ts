import { describe, expect, it } from "vitest";
import { addMember, createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { changeRole, removeMember } from "@/lib/clinics/mutations";
import { db, act } from "./helpers";

const membershipOf = (clinicId: string, userId: string) =>
  db.membership.findFirstOrThrow({ where: { clinicId, userId } });

describe("member management", () => {
  it("the last owner can be neither removed nor demoted", async () => {
    const c = await createClinicWithMembers(db);
    const owner = await membershipOf(c.clinic.id, c.owner.id);
    await expect(act(c.owner.id, c.clinic.id, removeMember, owner.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/last owner/i),
    });
    await expect(act(c.owner.id, c.clinic.id, changeRole, owner.id, "ADMIN")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.membership.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ role: "OWNER" });
  });

  it("an admin cannot remove or demote an owner, nor make someone an owner", async () => {
    const c = await createClinicWithMembers(db);
    const owner = await membershipOf(c.clinic.id, c.owner.id);
    const clinician = await membershipOf(c.clinic.id, c.clinician.id);
    await expect(act(c.admin.id, c.clinic.id, removeMember, owner.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(act(c.admin.id, c.clinic.id, changeRole, owner.id, "CLINICIAN")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(act(c.admin.id, c.clinic.id, changeRole, clinician.id, "OWNER")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("with two owners, one can be demoted, and concurrent demotions keep at least one owner", async () => {
    const c = await createClinicWithMembers(db);
    const second = await createUser(db);
    await addMember(db, second.id, c.clinic.id, "OWNER");
    const [o1, o2] = await Promise.all([membershipOf(c.clinic.id, c.owner.id), membershipOf(c.clinic.id, second.id)]);
    const results = await Promise.allSettled([
      act(c.owner.id, c.clinic.id, changeRole, o2.id, "ADMIN"),
      act(second.id, c.clinic.id, changeRole, o1.id, "ADMIN"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { clinicId: c.clinic.id, role: "OWNER" } })).toBe(1);
  });

  it("an admin changes a clinician's role and removes a member; both are audited", async () => {
    const c = await createClinicWithMembers(db);
    const clinician = await membershipOf(c.clinic.id, c.clinician.id);
    await act(c.admin.id, c.clinic.id, changeRole, clinician.id, "ADMIN");
    expect(await db.membership.findUniqueOrThrow({ where: { id: clinician.id } })).toMatchObject({ role: "ADMIN" });
    await act(c.admin.id, c.clinic.id, removeMember, clinician.id);
    expect(await db.membership.findUnique({ where: { id: clinician.id } })).toBeNull();
    const actions = (
      await db.auditEvent.findMany({ where: { clinicId: c.clinic.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["member.role_changed", "member.removed"]);
  });
});
