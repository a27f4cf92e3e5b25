import { describe, expect, it } from "vitest";
import { lastClinicOf, rememberClinic } from "@/lib/clinics/membership";
import { addMember, createClinicWithMembers } from "@/prisma/seed/factories";
import { db } from "./helpers";

describe("the clinic used last", () => {
  it("is remembered from a member's first visit, follows later visits, and is forgotten with the membership", async () => {
    const [a, b] = await Promise.all([createClinicWithMembers(db), createClinicWithMembers(db)]);
    const user = a.clinician;
    await addMember(db, user.id, b.clinic.id, "CLINICIAN");
    expect(await lastClinicOf(user.id)).toBeNull();
    await rememberClinic(user.id, b.clinic.id);
    expect(await lastClinicOf(user.id)).toBe(b.clinic.id);
    await rememberClinic(user.id, a.clinic.id);
    expect(await lastClinicOf(user.id)).toBe(a.clinic.id);
    await db.membership.deleteMany({ where: { userId: user.id, clinicId: a.clinic.id } });
    expect(await lastClinicOf(user.id)).toBeNull();
  });
});
