import { db } from "@/lib/db";
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
