import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/mutations";
import { findAuditEvents } from "@/lib/audit/queries";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { db } from "./helpers";

describe("audit log", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE on audit events", async () => {
    const c = await createClinicWithMembers(db);
    await recordAudit({ action: "member.invited", clinicId: c.clinic.id, actorId: c.owner.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { clinicId: c.clinic.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "auth.sign_in" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${event.id}'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: "member.invited" });
  });

  it("the activity list shows only this clinic's events and its members' sign-ins, newest first, paginated", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    for (let i = 0; i < 30; i++) await recordAudit({ action: "member.invited", clinicId: a.clinic.id, actorId: a.owner.id, targetId: String(i) });
    await new Promise((r) => setTimeout(r, 5));
    await recordAudit({ action: "auth.sign_in", actorId: a.clinician.id });
    await recordAudit({ action: "auth.sign_in", actorId: b.clinician.id });
    await recordAudit({ action: "member.invited", clinicId: b.clinic.id, actorId: b.owner.id });
    const page1 = await findAuditEvents(a.clinic.id, 1);
    expect(page1.total).toBe(31);
    expect(page1.pages).toBe(2);
    expect(page1.events[0]).toMatchObject({ action: "auth.sign_in", actorId: a.clinician.id });
    const page2 = await findAuditEvents(a.clinic.id, 2);
    expect(page2.events).toHaveLength(6);
    const all = [...page1.events, ...page2.events];
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(new Set(all.map((e) => e.id)).size).toBe(31);
    expect(all.some((e) => e.actorId === b.clinician.id || e.actorId === b.owner.id)).toBe(false);
  });
});
