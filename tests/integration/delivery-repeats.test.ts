import { describe, expect, it } from "vitest";
import { createClinicWithMembers, createHandoutRecord } from "@/prisma/seed/factories";
import { requestDelivery } from "@/lib/deliveries/mutations";
import { checkRecipient } from "@/lib/deliveries/recipient-check";
import { eraseExpiredRecipients } from "@/lib/deliveries/send";
import { act, db } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const key = () => crypto.randomUUID().replace(/-/g, "");
const send = (recipient: string, idempotencyKey = key()) => ({
  recipient,
  message: "",
  consent: "yes" as const,
  idempotencyKey,
});

async function setup() {
  const c = await createClinicWithMembers(db);
  const handout = await createHandoutRecord(db, c.clinic.id, c.clinician.id, PDF, { clinicName: "Riverbend Physio" });
  return { ...c, handout };
}

describe("emailing the same handout to the same address again", () => {
  it("asks first, with the date it was sent, also after retention erased the address; confirming goes ahead", async () => {
    const s = await setup();
    const ask = (recipient: string, extra: { confirmRecipient?: string; idempotencyKey?: string } = {}) =>
      act(s.clinician.id, s.clinic.id, checkRecipient, { ...send(recipient), ...extra, handoutId: s.handout.id });

    expect(await ask("jane.patient@example.com")).toBeNull();
    const first = await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...send("jane.patient@example.com"),
      handoutId: s.handout.id,
    });
    const sentAt = new Date("2026-11-20T15:26:00Z");
    await db.delivery.update({ where: { id: first.id }, data: { status: "SENT", sentAt } });

    expect(await ask("jane.patient@example.com")).toEqual({
      address: "jane.patient@example.com",
      suggestion: null,
      previous: { sent: true, at: sentAt.toISOString(), mask: "j***@example.com" },
    });
    // The hash is of the normalised address: another case and stray spaces are the same patient.
    expect((await ask(" Jane.Patient@EXAMPLE.com "))?.previous?.sent).toBe(true);
    expect(await ask("someone.else@example.com")).toBeNull();
    expect(await ask("jane.patient@example.com", { confirmRecipient: "jane.patient@example.com" })).toBeNull();
    // Confirming another address does not confirm this one.
    expect(await ask("jane.patient@example.com", { confirmRecipient: "someone.else@example.com" })).not.toBeNull();

    // Retention erases the address; the keyed hash kept on the row still recognises it, and is not the address.
    await db.$executeRaw`UPDATE "Delivery" SET "createdAt" = now() - interval '31 days' WHERE "id" = ${first.id}`;
    expect(await eraseExpiredRecipients(30)).toBeGreaterThanOrEqual(1);
    const erased = await db.delivery.findUniqueOrThrow({ where: { id: first.id } });
    expect(erased.recipient).toBeNull();
    expect(erased.recipientHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(erased)).not.toContain("jane.patient");
    expect((await ask("jane.patient@example.com"))?.previous).toEqual({
      sent: true,
      at: sentAt.toISOString(),
      mask: "j***@example.com",
    });
  });

  it("an email still on its way counts; a failed one, the same form sent twice, another handout and another clinic do not", async () => {
    const s = await setup();
    const other = await createHandoutRecord(db, s.clinic.id, s.clinician.id, PDF, { clinicName: "Riverbend Physio" });
    const formKey = key();
    const queued = await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...send("jo@example.org", formKey),
      handoutId: s.handout.id,
    });
    const check = (userId: string, clinicId: string, handoutId: string, idempotencyKey = key()) =>
      act(userId, clinicId, checkRecipient, { ...send("jo@example.org", idempotencyKey), handoutId });

    const row = await db.delivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect((await check(s.clinician.id, s.clinic.id, s.handout.id))?.previous).toEqual({
      sent: false,
      at: row.createdAt.toISOString(),
      mask: "j***@example.org",
    });
    // A double click or a retried request of the form that queued it: the same email, nothing to ask.
    expect(await check(s.clinician.id, s.clinic.id, s.handout.id, formKey)).toBeNull();
    expect(await check(s.clinician.id, s.clinic.id, other.id)).toBeNull();

    const b = await createClinicWithMembers(db);
    const theirs = await createHandoutRecord(db, b.clinic.id, b.clinician.id, PDF, { clinicName: "Elsewhere" });
    expect(await check(b.clinician.id, b.clinic.id, theirs.id)).toBeNull();
    expect(await check(b.clinician.id, b.clinic.id, s.handout.id)).toBeNull();

    await db.delivery.update({ where: { id: queued.id }, data: { status: "FAILED" } });
    expect(await check(s.clinician.id, s.clinic.id, s.handout.id)).toBeNull();
  });

  it("a delivery made before the hash was kept is recognised by its address until retention erases it", async () => {
    const s = await setup();
    const made = await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...send("pat@example.net"),
      handoutId: s.handout.id,
    });
    await db.delivery.update({ where: { id: made.id }, data: { recipientHash: null } });
    expect(
      (await act(s.clinician.id, s.clinic.id, checkRecipient, { ...send("pat@example.net"), handoutId: s.handout.id }))
        ?.previous?.mask,
    ).toBe("p***@example.net");
  });

  it("a likely typo is asked about too, with the address meant (and make-and-email, with no handout yet, asks only that)", async () => {
    const s = await setup();
    expect(await act(s.clinician.id, s.clinic.id, checkRecipient, send("jane@example.con"))).toEqual({
      address: "jane@example.con",
      suggestion: "jane@example.com",
      previous: null,
    });
    expect(
      await act(s.clinician.id, s.clinic.id, checkRecipient, {
        ...send("jane@example.con"),
        confirmRecipient: "jane@example.con",
      }),
    ).toBeNull();
    expect(await act(s.clinician.id, s.clinic.id, checkRecipient, send("jane@example.com"))).toBeNull();
  });
});
