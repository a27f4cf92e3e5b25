import os from "node:os";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { claimNextAccountEmail, processAccountEmail } from "@/lib/accounts/account-emails";
import { createInvite } from "@/lib/clinics/invites";
import { createClinicWithMembers, createUser } from "@/prisma/seed/factories";
import { startSilentServer } from "../support/smtp-faults";
import { act, db, mailbox, sendAccountEmails } from "./helpers";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
let n = 0;
const ip = () => `192.0.2.${(n++ % 200) + 1}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

describe("password-reset and invite emails go through the outbox", () => {
  it("20 forgot-password requests while the mail server hangs: every request answers at once and the database stays free", async () => {
    const silent = await startSilentServer();
    closers.push(silent.close);
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser(db)));
    // A worker is stuck on the hanging server meanwhile: it holds no database connection while it waits.
    await requestPasswordReset(users[0]!.email, { ip: ip(), userAgent: "vitest" });
    const stuck = claimNextAccountEmail({ email: users[0]!.email }).then((job) =>
      processAccountEmail(job!, silent.url),
    );
    const t0 = performance.now();
    await Promise.all(users.slice(1).map((u) => requestPasswordReset(u.email, { ip: ip(), userAgent: "vitest" })));
    expect(performance.now() - t0).toBeLessThan(2_000);
    const others = await timed(() => db.user.count());
    expect(others).toBeLessThan(200);
    expect(await db.accountEmail.count({ where: { email: { in: users.map((u) => u.email) } } })).toBe(20);
    expect(await stuck).toBe("retry");
  }, 30_000);

  it("answers in the same time whether or not the address has an account (p50 within 20 ms)", async () => {
    const known = await Promise.all(Array.from({ length: 20 }, () => createUser(db)));
    const unknown = known.map((_, i) => `nobody-${Date.now()}-${i}@test.example`);
    const tKnown: number[] = [];
    const tUnknown: number[] = [];
    for (let i = 0; i < 20; i++) {
      tKnown.push(await timed(() => requestPasswordReset(known[i]!.email, { ip: ip(), userAgent: "vitest" })));
      tUnknown.push(await timed(() => requestPasswordReset(unknown[i]!, { ip: ip(), userAgent: "vitest" })));
    }
    expect(Math.abs(median(tKnown) - median(tUnknown))).toBeLessThan(20);
  });

  it("is rate limited: 3 emails an hour per address (more are dropped, answering the same), 20 requests an hour per client address", async () => {
    const user = await createUser(db);
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email, { ip: ip(), userAgent: "vitest" });
    expect(await db.accountEmail.count({ where: { email: user.email } })).toBe(3);
    const from = "198.18.0.7";
    for (let i = 0; i < 20; i++)
      await requestPasswordReset(`spray-${i}-${Date.now()}@test.example`, { ip: from, userAgent: "vitest" });
    await expect(
      requestPasswordReset(`spray-x-${Date.now()}@test.example`, { ip: from, userAgent: "vitest" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("an invite is stored with its email job in one transaction; the worker mints the link, and a withdrawn invite is never sent", async () => {
    const c = await createClinicWithMembers(db);
    const email = `invitee-${Date.now()}@test.example`;
    const invite = await act(c.owner.id, c.clinic.id, createInvite, { email, role: "CLINICIAN" });
    const job = await db.accountEmail.findFirstOrThrow({ where: { inviteId: invite.id } });
    expect(job).toMatchObject({ kind: "INVITE", status: "QUEUED", email });
    const placeholder = (await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).tokenHash;
    expect(await sendAccountEmails(email)).toEqual(["sent"]);
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).tokenHash).not.toBe(placeholder);
    expect(await db.accountEmail.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "SENT",
      email: null,
    });
    const [mail] = await mailbox().waitFor(email);
    expect(mail!.messageId).toBe(`<account-${job.id}@handouts.localhost>`);

    const withdrawn = `withdrawn-${Date.now()}@test.example`;
    const second = await act(c.owner.id, c.clinic.id, createInvite, { email: withdrawn, role: "CLINICIAN" });
    await db.invite.update({ where: { id: second.id }, data: { revokedAt: new Date() } });
    expect(await sendAccountEmails(withdrawn)).toEqual(["skipped"]);
    expect(await mailbox().waitFor(withdrawn, 1, 300)).toHaveLength(0);
  });
});

describe("mail to another machine", () => {
  const lanAddress = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

  it.skipIf(!lanAddress)(
    "is never sent in plain text: a server on another host that offers no STARTTLS gets nothing, with a reason that says why",
    async () => {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        onData: (s, _session, cb) => s.on("end", () => cb()).resume(),
      });
      await new Promise<void>((resolve) => server.listen(0, lanAddress, resolve));
      closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      const { port } = server.server.address() as AddressInfo;
      const user = await createUser(db);
      await requestPasswordReset(user.email, { ip: ip(), userAgent: "vitest" });
      const job = await claimNextAccountEmail({ email: user.email });
      expect(await processAccountEmail(job!, `smtp://${lanAddress}:${port}`)).toBe("failed");
      expect((await db.accountEmail.findUniqueOrThrow({ where: { id: job!.id } })).lastError).toMatch(
        /does not offer STARTTLS, which is required/,
      );
    },
  );
});
