import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/mutations";
import { findAuditEvents } from "@/lib/audit/queries";
import { createClinicWithMembers } from "@/prisma/seed/factories";
import { act, db } from "./helpers";

describe("audit log", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE on audit events", async () => {
    const c = await createClinicWithMembers(db);
    await recordAudit({ action: "member.invited", clinicId: c.clinic.id, actorId: c.owner.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { clinicId: c.clinic.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "auth.sign_in" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${event.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      action: "member.invited",
    });
  });

  it("the activity list shows only this clinic's events and its members' sign-ins, newest first, paginated", async () => {
    const a = await createClinicWithMembers(db);
    const b = await createClinicWithMembers(db);
    for (let i = 0; i < 30; i++)
      await recordAudit({ action: "member.invited", clinicId: a.clinic.id, actorId: a.owner.id, targetId: String(i) });
    await new Promise((r) => setTimeout(r, 5));
    await recordAudit({ action: "auth.sign_in", actorId: a.clinician.id });
    await recordAudit({ action: "auth.sign_in", actorId: b.clinician.id });
    await recordAudit({ action: "member.invited", clinicId: b.clinic.id, actorId: b.owner.id });
    const page1 = await act(a.owner.id, a.clinic.id, findAuditEvents, {});
    expect(page1.total).toEqual({ count: 31, more: false });
    expect(page1.newer).toBeNull();
    expect(page1.events[0]).toMatchObject({ what: "Signed in", actor: { id: a.clinician.id } });
    const page2 = await act(a.owner.id, a.clinic.id, findAuditEvents, { after: page1.older! });
    expect(page2.events).toHaveLength(6);
    expect(page2.older).toBeNull();
    const all = [...page1.events, ...page2.events];
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(new Set(all.map((e) => e.id)).size).toBe(31);
    expect(all.some((e) => e.actor?.id === b.clinician.id || e.actor?.id === b.owner.id)).toBe(false);
  });

  it("names each event's target in words, shows IPv4-mapped addresses as IPv4, and filters by action, member and day", async () => {
    const c = await createClinicWithMembers(db);
    const t = await db.template.create({
      data: {
        clinicId: c.clinic.id,
        name: "Knee week 1",
        guideId: "g",
        guideVersionId: "v",
        sectionKeys: [],
        notes: "",
        createdById: c.owner.id,
      },
    });
    await recordAudit({
      action: "template.created",
      clinicId: c.clinic.id,
      actorId: c.owner.id,
      targetType: "template",
      targetId: t.id,
      ip: "::ffff:203.0.113.7",
    });
    await recordAudit({
      action: "clinic.branding_changed",
      clinicId: c.clinic.id,
      actorId: c.admin.id,
      targetType: "clinic",
      targetId: c.clinic.id,
      metadata: { fields: ["primaryColor", "phone"] },
    });
    await recordAudit({
      action: "member.role_changed",
      clinicId: c.clinic.id,
      actorId: c.owner.id,
      targetType: "user",
      targetId: c.clinician.id,
    });
    const { events } = await act(c.owner.id, c.clinic.id, findAuditEvents, {});
    expect(events.map((e) => [e.what, e.target])).toEqual([
      ["Role changed", "Cleo Clinician"],
      ["Branding changed", "primary colour, phone"],
      ["Template created", "template “Knee week 1”"],
    ]);
    expect(events[2]!.ip).toBe("203.0.113.7");
    expect((await act(c.owner.id, c.clinic.id, findAuditEvents, { action: "template.created" })).events).toHaveLength(
      1,
    );
    expect(
      (await act(c.owner.id, c.clinic.id, findAuditEvents, { actor: c.admin.id })).events.map((e) => e.what),
    ).toEqual(["Branding changed"]);
    expect(
      (await act(c.owner.id, c.clinic.id, findAuditEvents, { from: "2000-01-01", to: "2000-01-02" })).events,
    ).toHaveLength(0);
    await expect(act(c.clinician.id, c.clinic.id, findAuditEvents, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("leaves page views out unless asked for, and shows this machine's addresses (::1, 127.0.0.1) one way", async () => {
    const c = await createClinicWithMembers(db);
    const event = (action: "handout.viewed" | "handout.generated" | "handout.printed", ip: string) =>
      recordAudit({
        action,
        clinicId: c.clinic.id,
        actorId: c.clinician.id,
        targetType: "handout",
        targetId: "h1",
        ip,
      });
    await event("handout.generated", "::1");
    for (let i = 0; i < 30; i++) await event("handout.viewed", i % 2 ? "::1" : "127.0.0.1");
    await event("handout.printed", "::ffff:127.0.0.1");
    await recordAudit({ action: "auth.sign_in", actorId: c.clinician.id, ip: "2001:db8::7" });

    const shown = await act(c.owner.id, c.clinic.id, findAuditEvents, {});
    expect(shown.events.map((e) => e.what)).toEqual(["Signed in", "Handout opened for printing", "Handout generated"]);
    expect(shown.total).toEqual({ count: 3, more: false });
    expect(shown.events.map((e) => e.ip)).toEqual(["2001:db8::7", "localhost", "localhost"]);

    const all = await act(c.owner.id, c.clinic.id, findAuditEvents, { views: true });
    expect(all.total).toEqual({ count: 33, more: false });
    expect(all.events.filter((e) => e.what === "Handout opened")).toHaveLength(23); // a page of 25, under the sign-in and the print
    expect(new Set(all.events.map((e) => e.ip))).toEqual(new Set(["localhost", "2001:db8::7"]));
    // Asking for page views by name shows them without the box ticked.
    expect((await act(c.owner.id, c.clinic.id, findAuditEvents, { action: "handout.viewed" })).total).toEqual({
      count: 30,
      more: false,
    });
  });
});
