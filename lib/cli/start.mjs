#!/usr/bin/env node
// The production start: `npm start` with DATABASE_URL set (lib/start.mjs hands over to it), or
// `node lib/cli/start.mjs` (`--dev`: Next's development server, with hot reload). Needs NEXTAUTH_SECRET,
// APP_URL and SMTP_URL, refuses to start while migrations are pending (`npm run db:migrate` applies them),
// and never creates accounts (DEMO_DATA=1 loads the demo clinics on purpose, e.g. on a staging database).
// Ctrl-C or SIGTERM stops the web server (after it has drained) and then the email worker (lib/cli/portal.mjs).
import { lifecycle } from "./lifecycle.mjs";
import { startPortal } from "./portal.mjs";

const life = lifecycle((msg) => console.log(`[portal] ${msg}`));
try {
  await startPortal(process.env, { life, hot: process.argv.includes("--dev") });
} catch (err) {
  await life.fail(err instanceof Error ? err.message : String(err));
}
