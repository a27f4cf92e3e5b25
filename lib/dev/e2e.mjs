#!/usr/bin/env node
// End-to-end run: a throwaway embedded PostgreSQL (migrated + seeded), a local SMTP catcher whose folder
// the specs read, a production build served by the portal's web server, then Playwright in Debian's Chromium
// (or, with --script, a benchmark script against the same setup).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { startEmbeddedPostgres, freePort } from "./embedded-db.mjs";
import { startSmtpCatcher } from "./smtp-catcher.mjs";
import { migrateDeploy } from "../cli/migrate.mjs";
import { buildIfNeeded } from "../cli/build-if-needed.mjs";
import { startWorkerProcess } from "../cli/worker-process.mjs";

const bin = (name) => path.resolve("node_modules/.bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
fs.chmodSync(tmp, 0o755);
const started = [];
let server;

async function cleanup() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  for (const s of started.reverse()) await s.stop().catch(() => {});
}

let code = 1;
try {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), password: "e2e", persistent: false, database: "portal_e2e" });
    started.push(pg);
    env.DATABASE_URL = pg.url;
  }
  const smtp = await startSmtpCatcher({ dir: path.join(tmp, "mail") });
  started.push(smtp);
  const port = await freePort();
  Object.assign(env, {
    SMTP_URL: smtp.url,
    E2E_MAIL_DIR: smtp.dir,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    E2E_BASE_URL: `http://localhost:${port}`,
    // A short waiting line for renders, so a burst of a hundred requests overflows it on any machine (busy.spec.ts).
    PDF_QUEUE_LIMIT: "8",
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e",
  });
  await migrateDeploy(env);
  const seed = spawnSync(bin("tsx"), ["--conditions=react-server", "prisma/seed/index.ts"], { env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seed failed");
  await buildIfNeeded(env, (m) => console.log(`[e2e] ${m}`));

  started.push(startWorkerProcess({ ...env, WORKER_POLL_MS: "200" }, { quiet: true }));
  server = spawn(process.execPath, ["lib/server/web-server.mjs"], { env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error("the server did not start");
    const ok = await fetch(`${env.E2E_BASE_URL}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // Async: the SMTP catcher in this process must keep answering while the specs run. `--script <file>` runs
  // a script against the same running portal instead of the specs (the browser benchmarks).
  const args = process.argv.slice(2);
  const script = args[0] === "--script" ? args[1] : null;
  const pw = script
    ? spawn(bin("tsx"), [script, ...args.slice(2)], { env, stdio: "inherit" })
    : spawn(bin("playwright"), ["test", ...args], { env, stdio: "inherit" });
  code = await new Promise((resolve) => pw.on("exit", (c) => resolve(c ?? 1)));
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
} finally {
  await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
