import { describe, expect, it } from "vitest";
import { createClinicWithMembers, createHandoutRecord } from "@/prisma/seed/factories";
import { requestDelivery } from "@/lib/deliveries/mutations";
import { claimNextDelivery, processDelivery } from "@/lib/deliveries/send";
import { leaseMs } from "@/lib/email/outbox";
import { sendDeadlineMs } from "@/lib/email/mailer";
import { startSlowSmtp } from "../support/smtp-faults";
import { act, db } from "./helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describe("a slow but healthy mail server", () => {
  it("two workers, 8.5 s per SMTP reply: the email is sent once, and the second worker never takes the job over", async () => {
    // A claim must outlast the longest attempt the timeouts allow (setup.ts: 3 s, so 9 s per reply).
    expect(leaseMs()).toBeGreaterThan(sendDeadlineMs());
    const c = await createClinicWithMembers(db);
    const handout = await createHandoutRecord(db, c.clinic.id, c.clinician.id, PDF);
    const smtp = await startSlowSmtp(8_500);
    try {
      await act(c.clinician.id, c.clinic.id, requestDelivery, {
        handoutId: handout.id,
        recipient: "slow@example.com",
        message: "",
        consent: "yes",
        idempotencyKey: crypto.randomUUID().replace(/-/g, ""),
      });
      const outcomes: string[] = [];
      const worker = async () => {
        // Each worker polls until the delivery is settled, as the real loop would.
        for (;;) {
          const row = await db.delivery.findFirstOrThrow({ where: { clinicId: c.clinic.id } });
          if (row.status === "SENT" || row.status === "FAILED") return;
          const job = await claimNextDelivery({ clinicId: c.clinic.id });
          if (job) outcomes.push(await processDelivery(job, smtp.url));
          else await new Promise((r) => setTimeout(r, 500));
        }
      };
      await Promise.all([worker(), worker()]);
      expect(outcomes).toEqual(["sent"]);
      expect(smtp.messages).toHaveLength(1);
      expect(await db.delivery.findFirstOrThrow({ where: { clinicId: c.clinic.id } })).toMatchObject({
        status: "SENT",
        attempts: 1,
      });
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
