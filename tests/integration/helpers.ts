import fs from "node:fs";
import { db } from "@/lib/db";
import { parseGuideMarkdown } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { getMembership } from "@/lib/clinics/membership";
import { claimNextAccountEmail, processAccountEmail } from "@/lib/accounts/account-emails";
import { claimNextDelivery, processDelivery } from "@/lib/deliveries/send";
import type { MemberContext } from "@/lib/member-context";
import type { startTestSmtp } from "../support/smtp";

export { db };
export const info = { ip: "127.0.0.1", userAgent: "vitest" };

/** The SMTP server started for this test file by setup.ts. */
export function mailbox(): Awaited<ReturnType<typeof startTestSmtp>> {
  const smtp = (globalThis as { testSmtp?: Awaited<ReturnType<typeof startTestSmtp>> }).testSmtp;
  if (!smtp) throw new Error("tests/integration/setup.ts did not run");
  return smtp;
}

/** The token at the end of the first link to `path` in a caught email. */
export function linkToken(text: string, path: string): string {
  const match = text.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

/**
 * What a page or the action wrapper hands domain functions: the member's context in a clinic. Rejects with
 * NOT_FOUND for a non-member, as requireMember does.
 */
export async function as(userId: string, clinicId: string, ip = info.ip): Promise<MemberContext> {
  const [membership, user] = await Promise.all([
    getMembership(userId, clinicId),
    db.user.findUniqueOrThrow({ where: { id: userId } }),
  ]);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      credentials: user.credentials,
      directPhone: user.directPhone,
      sessionId: "test",
    },
    role: membership.role,
    clinic: membership.clinic,
    info: { ip, userAgent: info.userAgent },
  };
}

/** `fn(context of userId in clinicId, ...args)`, rejecting like the wrapper does for a non-member. */
export function act<A extends unknown[], R>(
  userId: string,
  clinicId: string,
  fn: (ctx: MemberContext, ...args: A) => Promise<R>,
  ...args: A
): Promise<R> {
  return as(userId, clinicId).then((ctx) => fn(ctx, ...args));
}

/** Does what a worker would for the account emails (resets, invites) queued for `email`; returns outcomes. */
export async function sendAccountEmails(email: string): Promise<string[]> {
  const outcomes: string[] = [];
  for (let job = await claimNextAccountEmail({ email }); job; job = await claimNextAccountEmail({ email }))
    outcomes.push(await processAccountEmail(job));
  return outcomes;
}

/** Runs the worker for this clinic until its queue is empty (waiting out short retry delays). */
export async function drainDeliveries(clinicId: string, smtpUrl: string, maxRounds = 30) {
  const outcomes: string[] = [];
  for (let i = 0; i < maxRounds; i++) {
    const job = await claimNextDelivery({ clinicId });
    if (!job) {
      const pending = await db.delivery.count({ where: { clinicId, status: { in: ["QUEUED", "SENDING"] } } });
      if (!pending) break;
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    outcomes.push(await processDelivery(job, smtpUrl));
  }
  return outcomes;
}

/** The seed back-spasms guide, imported by the portal's own importer into the shared library or a clinic. */
export async function importSeedGuide(clinicId: string | null = null) {
  const parsed = parseGuideMarkdown(fs.readFileSync("prisma/seed/guides/back-spasms.md"));
  if (!parsed.ok) throw new Error("seed guide does not parse");
  return importGuide(db, parsed.guide, { clinicId });
}
