import { afterEach, describe, expect, it } from "vitest";
import { createClinicWithMembers, createHandoutRecord } from "@/prisma/seed/factories";
import { requestDelivery, retryDelivery } from "@/lib/deliveries/mutations";
import { findDeliveries } from "@/lib/deliveries/queries";
import { claimNextDelivery, eraseExpiredRecipients, processDelivery } from "@/lib/deliveries/send";
import { sendHandoutSchema } from "@/lib/deliveries/schemas";
import { freePort, startScriptedSmtp, startSilentServer } from "../support/smtp-faults";
import { db, act, drainDeliveries } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const key = () => crypto.randomUUID().replace(/-/g, "");
const input = (recipient = "jane.patient@example.com", message = "") => ({
  recipient,
  message,
  consent: "yes" as const,
  idempotencyKey: key(),
});

async function setup(contact: Record<string, string> = {}) {
  const c = await createClinicWithMembers(db);
  const handout = await createHandoutRecord(db, c.clinic.id, c.clinician.id, PDF, {
    clinicName: "Riverbend Physio",
    phone: "(555) 010-1234",
    ...contact,
  });
  return { ...c, handout };
}

const drain = drainDeliveries;

describe("emailing a handout", () => {
  it("arrives once, with the stored PDF byte for byte, a neutral subject and file name, and the contact block", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp(() => undefined);
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...input("jane.patient@example.com", "See you next Tuesday."),
      handoutId: s.handout.id,
    });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["sent"]);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(["jane.patient@example.com"]);
    expect(mail.subject).toBe("Your handout from Riverbend Physio");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toMatch(/^handout-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(Buffer.compare(mail.attachments[0]!.content, PDF)).toBe(0);
    expect(mail.text).toContain("See you next Tuesday.");
    expect(mail.text).toContain("Phone: (555) 010-1234");
    const [row] = await act(s.clinician.id, s.clinic.id, findDeliveries, s.handout.id);
    expect(row).toMatchObject({ status: "SENT", recipientMask: "j***@example.com", attempts: 1 });
    const audit = await db.auditEvent.findMany({
      where: { clinicId: s.clinic.id, targetId: row!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["delivery.requested", "delivery.sent"]);
    expect(JSON.stringify(audit)).not.toContain("jane.patient");
  });

  it("SMTP down for the first attempts, then up: delivered exactly once", async () => {
    const s = await setup();
    const port = await freePort();
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    for (let i = 0; i < 2; i++) {
      const job = await claimNextDelivery({ clinicId: s.clinic.id });
      expect(await processDelivery(job!, `smtp://127.0.0.1:${port}`)).toBe("retry");
      await new Promise((r) => setTimeout(r, 100));
    }
    const queued = await db.delivery.findFirstOrThrow({ where: { clinicId: s.clinic.id } });
    expect(queued).toMatchObject({
      status: "QUEUED",
      attempts: 2,
      lastError: expect.stringMatching(/Could not reach the mail server/),
    });
    const smtp = await startScriptedSmtp(() => undefined, port);
    closers.push(smtp.close);
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["sent"]);
    expect(smtp.received).toHaveLength(1);
  });

  it("a 451 reply is retried, then delivered", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp((n) =>
      n <= 2 ? { reply: { code: 451, message: "4.3.0 Try again later" } } : undefined,
    );
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["retry", "retry", "sent"]);
    expect(smtp.received).toHaveLength(1);
    expect(await db.delivery.findFirstOrThrow({ where: { clinicId: s.clinic.id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
    });
  });

  it("a 550 reply fails the delivery with the server's reason, and it can be retried by hand", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp((n) =>
      n === 1 ? { reply: { code: 550, message: "5.1.1 Mailbox does not exist" } } : undefined,
    );
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["failed"]);
    const [row] = await act(s.clinician.id, s.clinic.id, findDeliveries, s.handout.id);
    expect(row).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("Mailbox does not exist") });
    expect(await db.auditEvent.count({ where: { targetId: row!.id, action: "delivery.failed" } })).toBe(1);

    await act(s.clinician.id, s.clinic.id, retryDelivery, row!.id);
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["sent"]);
    expect(smtp.received).toHaveLength(1);
  });

  it("gives up after the last of at least 5 attempts spread over the retry schedule", async () => {
    const s = await setup();
    const port = await freePort();
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    const outcomes = await drain(s.clinic.id, `smtp://127.0.0.1:${port}`, 200);
    expect(outcomes.filter((o) => o === "retry").length).toBeGreaterThanOrEqual(4);
    expect(outcomes.at(-1)).toBe("failed");
  });

  it("a server that accepts and never greets: the request answers at once, the attempt times out and is retried", async () => {
    const s = await setup();
    const silent = await startSilentServer();
    closers.push(silent.close);
    const t0 = Date.now();
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    expect(Date.now() - t0).toBeLessThan(1000);
    const job = await claimNextDelivery({ clinicId: s.clinic.id });
    expect(await processDelivery(job!, silent.url)).toBe("retry");
    expect(await db.delivery.findFirstOrThrow({ where: { clinicId: s.clinic.id } })).toMatchObject({
      status: "QUEUED",
      lastError: expect.stringMatching(/ETIMEDOUT|Greeting|timeout/i),
    });
  }, 20_000);

  it("20 concurrent identical requests make one delivery and one email", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp(() => undefined);
    closers.push(smtp.close);
    const same = input();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        act(s.clinician.id, s.clinic.id, requestDelivery, { ...same, handoutId: s.handout.id }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.delivery.count({ where: { clinicId: s.clinic.id } })).toBe(1);
    await drain(s.clinic.id, smtp.url);
    expect(smtp.received).toHaveLength(1);
  });

  it("a worker that dies between claim and send loses nothing: the job is sent after its lease ends, once", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp(() => undefined);
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    const lost = await claimNextDelivery({ clinicId: s.clinic.id });
    expect(lost).not.toBeNull();
    // The dead worker's lease still holds: nobody else may take the job yet.
    expect(await claimNextDelivery({ clinicId: s.clinic.id })).toBeNull();
    await db.delivery.update({ where: { id: lost!.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["sent"]);
    // Had the first worker come back, its stale claim can no longer change the row.
    expect(await processDelivery(lost!, smtp.url)).toBe("sent");
    expect(await db.delivery.findFirstOrThrow({ where: { id: lost!.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(await db.auditEvent.count({ where: { targetId: lost!.id, action: "delivery.sent" } })).toBe(1);
  });

  it("refuses header injection in the address; a hostile message and clinic name stay in the body and subject", async () => {
    for (const bad of [
      "jane@example.com\r\nBcc: evil@example.com",
      "jane@example.com, evil@example.com",
      "Jane <jane@example.com>",
      "jane@example.com;evil@example.com",
    ]) {
      expect(sendHandoutSchema.safeParse({ ...input(), recipient: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    const s = await setup({ clinicName: "Evil Clinic\r\nBcc: evil@example.com" });
    const smtp = await startScriptedSmtp(() => undefined);
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...input("jane@example.com", "Hi\r\nBcc: evil2@example.com\r\n\r\nbody"),
      handoutId: s.handout.id,
    });
    await drain(s.clinic.id, smtp.url);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(["jane@example.com"]);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.subject).toBe("Your handout from Evil Clinic Bcc: evil@example.com");
    const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0]!;
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(mail.text).toContain("Bcc: evil2@example.com");
  });

  it("clinic B cannot send, list or retry clinic A's deliveries", async () => {
    const a = await setup();
    const b = await createClinicWithMembers(db);
    const smtp = await startScriptedSmtp(() => ({ reply: { code: 550, message: "no" } }));
    closers.push(smtp.close);
    await act(a.clinician.id, a.clinic.id, requestDelivery, { ...input(), handoutId: a.handout.id });
    await drain(a.clinic.id, smtp.url);
    const [row] = await act(a.clinician.id, a.clinic.id, findDeliveries, a.handout.id);
    await expect(
      act(b.owner.id, a.clinic.id, requestDelivery, { ...input(), handoutId: a.handout.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      act(b.owner.id, b.clinic.id, requestDelivery, { ...input(), handoutId: a.handout.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, a.clinic.id, findDeliveries, a.handout.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await act(b.owner.id, b.clinic.id, findDeliveries, a.handout.id)).toEqual([]);
    await expect(act(b.owner.id, a.clinic.id, retryDelivery, row!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(act(b.owner.id, b.clinic.id, retryDelivery, row!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.delivery.count({ where: { handoutId: a.handout.id } })).toBe(1);
  });

  it("every attempt of one delivery carries the same Message-ID, so a copy resent after a crash is recognisably the same message", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp((n) =>
      n === 1 ? { reply: { code: 451, message: "4.3.0 Try again later" } } : undefined,
    );
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, { ...input(), handoutId: s.handout.id });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["retry", "sent"]);
    expect(smtp.offeredIds).toHaveLength(2);
    expect(smtp.offeredIds[0]).toMatch(/^<delivery-dlv_[0-9a-f]+@handouts\.localhost>$/);
    expect(smtp.offeredIds[1]).toBe(smtp.offeredIds[0]);
    expect(smtp.received[0]!.messageId).toBe(smtp.offeredIds[0]);
  });

  it("a 550 that echoes the address is stored masked, and once the retention period passes no trace of the address is left", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp(() => ({
      reply: { code: 550, message: "5.1.1 <jane.patient@example.com>: Recipient address rejected: User unknown" },
    }));
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...input("jane.patient@example.com"),
      handoutId: s.handout.id,
    });
    expect(await drain(s.clinic.id, smtp.url)).toEqual(["failed"]);
    const failed = await db.delivery.findFirstOrThrow({ where: { clinicId: s.clinic.id } });
    expect(failed.lastError).toContain("<j***@example.com>");
    expect(failed.lastError).not.toContain("jane.patient");
    await db.$executeRaw`UPDATE "Delivery" SET "createdAt" = now() - interval '31 days' WHERE "id" = ${failed.id}`;
    expect(await eraseExpiredRecipients(30)).toBeGreaterThanOrEqual(1);
    const erased = await db.delivery.findFirstOrThrow({ where: { id: failed.id } });
    expect(erased).toMatchObject({
      recipient: null,
      message: null,
      status: "FAILED",
      lastError: expect.stringContaining("[address erased]"),
    });
    expect(JSON.stringify(erased)).not.toMatch(/jane|j\*\*\*@example\.com>/);
    // What the handout page shows is this list.
    const [shown] = await act(s.clinician.id, s.clinic.id, findDeliveries, s.handout.id);
    expect(shown!.lastError).not.toMatch(/@/);
  });

  it("erases patient addresses and messages after the retention period", async () => {
    const s = await setup();
    const smtp = await startScriptedSmtp(() => undefined);
    closers.push(smtp.close);
    await act(s.clinician.id, s.clinic.id, requestDelivery, {
      ...input("old@example.com", "old message"),
      handoutId: s.handout.id,
    });
    await drain(s.clinic.id, smtp.url);
    const row = await db.delivery.findFirstOrThrow({ where: { clinicId: s.clinic.id } });
    await db.$executeRaw`UPDATE "Delivery" SET "createdAt" = now() - interval '31 days' WHERE "id" = ${row.id}`;
    expect(await eraseExpiredRecipients(30)).toBeGreaterThanOrEqual(1);
    expect(await db.delivery.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({
      recipient: null,
      message: null,
      recipientMask: "o***@example.com",
      status: "SENT",
    });
  });
});
