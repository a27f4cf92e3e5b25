// Runs in each worker before every integration test file: a real SMTP server of the file's own, and the
// settings the app reads. DATABASE_URL comes from lib/dev/with-db.mjs (a throwaway embedded PostgreSQL).
import { afterAll } from "vitest";
import { startTestSmtp } from "../support/smtp";

const smtp = await startTestSmtp();
process.env.SMTP_URL = smtp.url;
process.env.SMTP_TIMEOUT_MS ??= "3000";
process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret-0";
process.env.APP_URL ??= "http://localhost:3999";
// Fast retries so the delivery tests can walk a whole retry schedule.
process.env.DELIVERY_RETRY_BASE_MS ??= "20";
(globalThis as { testSmtp?: typeof smtp }).testSmtp = smtp;

afterAll(() => smtp.close());
