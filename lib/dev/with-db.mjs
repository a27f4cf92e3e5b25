#!/usr/bin/env node
// `node lib/dev/with-db.mjs --throwaway <command…>`: runs a command (the integration tests, some benchmarks)
// with DATABASE_URL set to a fresh embedded PostgreSQL in a temporary folder, migrated, and deleted afterwards.
// With DATABASE_URL already set, runs the command on that database as it is. Commands against the development
// database need no wrapper: they read the running `npm start`'s .data/dev.env (package.json).
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { launchEnv } from "../launch-env.mjs";
import { migrateDeploy } from "../cli/migrate.mjs";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

const args = process.argv.slice(2);
if (args[0] !== "--throwaway" || !args[1]) {
  console.error("usage: with-db.mjs --throwaway <command> [args…]");
  process.exit(2);
}
const [cmd, ...cmdArgs] = args.slice(args[1] === "--" ? 2 : 1);

/** @type {Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined} */
let pg;
/** @type {string | undefined} */
let dir;
const env = { ...process.env };
if (!launchEnv().DATABASE_URL) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-pg-"));
  fs.chmodSync(dir, 0o755);
  pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    password: "test",
    persistent: false,
    database: "portal_test",
  });
  env.DATABASE_URL = pg.url;
  await migrateDeploy(env);
}

const child = spawn(/** @type {string} */ (cmd), cmdArgs, {
  stdio: "inherit",
  env,
  shell: process.platform === "win32",
});
const forward = (/** @type {NodeJS.Signals} */ sig) => child.kill(sig);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  await pg?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(signal ? 1 : (code ?? 1));
});
