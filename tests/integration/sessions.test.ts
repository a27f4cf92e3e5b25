import { describe, expect, it } from "vitest";
import { createAuthSession, findActiveSession, endAuthSession } from "@/lib/accounts/sessions";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { createUser } from "@/prisma/seed/factories";
import { db, info, linkToken, mailbox, sendAccountEmails } from "./helpers";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("sessions", () => {
  it("stay valid while used, end after 30 idle minutes or 12 hours in all", async () => {
    const user = await createUser(db);
    const s = await createAuthSession(user.id, null, null);
    expect(await findActiveSession(s.id, 1)).toMatchObject({ user: { id: user.id } });

    await db.authSession.update({ where: { id: s.id }, data: { lastSeenAt: minutesAgo(29) } });
    expect(await findActiveSession(s.id, 1)).not.toBeNull();
    await db.authSession.update({ where: { id: s.id }, data: { lastSeenAt: minutesAgo(31) } });
    expect(await findActiveSession(s.id, 1)).toBeNull();

    const busy = await createAuthSession(user.id, null, null);
    await db.authSession.update({
      where: { id: busy.id },
      data: { createdAt: minutesAgo(12 * 60 + 1), lastSeenAt: new Date() },
    });
    expect(await findActiveSession(busy.id, 1)).toBeNull();
  });

  it("end on sign-out and when the account is disabled", async () => {
    const user = await createUser(db);
    const a = await createAuthSession(user.id, null, null);
    const b = await createAuthSession(user.id, null, null);
    await endAuthSession(a.id);
    expect(await findActiveSession(a.id, 1)).toBeNull();
    expect(await findActiveSession(b.id, 1)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findActiveSession(b.id, 1)).toBeNull();
  });

  it("a password reset by emailed link ends every session, and the link works once", async () => {
    const user = await createUser(db);
    const s = await createAuthSession(user.id, null, null);
    await requestPasswordReset(user.email, info);
    expect(await sendAccountEmails(user.email)).toEqual(["sent"]);
    const [mail] = await mailbox().waitFor(user.email);
    expect(mail?.subject).toMatch(/reset/i);
    const token = linkToken(mail!.text ?? "", "/reset-password");

    await resetPassword(token, "a-brand-new-passphrase", info);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.sessionVersion).toBe(2);
    expect(await findActiveSession(s.id, 1)).toBeNull();
    await expect(resetPassword(token, "another-new-passphrase", info)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a reset link expires after 30 minutes; an unknown address gets no email and no error", async () => {
    const user = await createUser(db);
    await requestPasswordReset(user.email, info);
    expect(await sendAccountEmails(user.email)).toEqual(["sent"]);
    const [mail] = await mailbox().waitFor(user.email);
    const token = linkToken(mail!.text ?? "", "/reset-password");
    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: minutesAgo(1) } });
    await expect(resetPassword(token, "a-brand-new-passphrase", info)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const nobody = `nobody-${Date.now()}@test.example`;
    await expect(requestPasswordReset(nobody, info)).resolves.toBeUndefined();
    expect(await sendAccountEmails(nobody)).toEqual(["skipped"]);
    expect(await mailbox().waitFor(nobody, 1, 300)).toHaveLength(0);
    // Nothing of the unknown address is kept once its job is done.
    expect(await db.accountEmail.count({ where: { email: nobody } })).toBe(0);
  });
});
