#!/usr/bin/env node
// Development convenience: runs a command with DATABASE_URL set. When it is unset, uses the embedded
// PostgreSQL: the persistent one under .data/ (the same database as `npm start`; joined when it is already
// running, started otherwise), or with --throwaway a fresh one in a temporary folder, migrated, and deleted
// afterwards (used by the integration tests and benchmarks).
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { migrateDeploy } from "../cli/migrate.mjs";

const args = process.argv.slice(2);
const throwaway = args[0] === "--throwaway";
if (throwaway) args.shift();
if (args[0] === "--") args.shift();
if (!args.length) {
  console.error("usage: with-db.mjs [--throwaway] <command> [args…]");
  process.exit(2);
}

let pg;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  // Loaded only here: with DATABASE_URL set, a production install (no dev packages) runs the command as is.
  const { startEmbeddedPostgres } = await import("./embedded-db.mjs");
  const { DATA_DIR, localSecrets } = await import("./local-secrets.mjs");
  if (throwaway) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-pg-"));
    fs.chmodSync(dir, 0o755);
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: "test", persistent: false, database: "portal_test" });
  } else {
    pg = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), password: localSecrets().PG_PASSWORD, log: console.error });
    // The rest of the development setup, so `npm run worker` on its own works like the one `npm start` runs.
    const { savedCatcherPort } = await import("./smtp-catcher.mjs");
    const catcher = savedCatcherPort(path.join(DATA_DIR, "mail.port"));
    env.NEXTAUTH_SECRET ??= localSecrets().NEXTAUTH_SECRET;
    env.APP_URL ??= `http://localhost:${env.PORT ?? 3000}`;
    if (catcher) env.SMTP_URL ??= `smtp://127.0.0.1:${catcher}`;
  }
  env.DATABASE_URL = pg.url;
  if (throwaway) await migrateDeploy(env);
}

const child = spawn(args[0], args.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
const forward = (sig) => child.kill(sig);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  await pg?.stop();
  process.exit(signal ? 1 : (code ?? 1));
});
