#!/usr/bin/env node
// `npm start` / `npm run dev`. Two ways to run:
// - development (DATABASE_URL unset): starts what is not configured (embedded PostgreSQL, a local SMTP
//   catcher), migrates, loads the demo clinics and their logins, builds when the sources changed, serves;
// - production (DATABASE_URL set): needs NEXTAUTH_SECRET, APP_URL and SMTP_URL, refuses to start while
//   migrations are pending (`npm run db:migrate` applies them), and never creates accounts (DEMO_DATA=1
//   loads the demo clinics on purpose, e.g. on a staging database).
// Ctrl-C or SIGTERM stops everything in order: the web server drains (SHUTDOWN_DRAIN_MS, then up to 10 s for
// the requests in flight), then the email worker, then the database: nothing a request in flight needs stops
// before it is answered. Children run in process groups of their own so only this process hears the
// terminal's Ctrl-C and can keep that order.
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { migrateDeploy } from "./migrate.mjs";
import { pendingMigrations } from "./migrations.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { printBanner } from "./banner.mjs";
import { startWorkerProcess } from "./worker-process.mjs";
import { webServerArgs } from "../server/node-flags.mjs";
import { withThisNode } from "./node-runtime.mjs";

const dev = process.argv.includes("--dev");
const bin = (name) => path.resolve("node_modules/.bin", name);
const log = (msg) => console.log(`[portal] ${msg}`);
const fail = (msg) => {
  console.error(`[portal] ${msg}`);
  return stopAll(1);
};

const env = withThisNode({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
const production = !!env.DATABASE_URL;
env.PORT ??= "3000";
env.NODE_ENV = dev ? "development" : "production";
// No load balancer has to notice a development server stopping: Ctrl-C stops it without the wait.
if (!production) env.SHUTDOWN_DRAIN_MS ??= "0";

const started = [];
let server;
let stopping = false;

function stopChild(child, graceMs) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // The web server drains for SHUTDOWN_DRAIN_MS and then up to 10 s itself; the margin covers its exit.
  if (code === 0) log("stopping: the web server finishes its requests, then the email worker, then the database");
  await stopChild(server, Number(env.SHUTDOWN_DRAIN_MS || 5_000) + 15_000);
  for (const s of started.reverse()) await s.stop().catch(() => {});
  // The last line a terminal shows: everything this command started has stopped.
  if (code === 0) log("stopped.");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
// If this process dies some other way, its children must not outlive it.
process.on("exit", () => server?.exitCode === null && server.kill("SIGKILL"));

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${what} failed.`);
}

try {
  let mailDir = null;
  let demo = false;
  if (production) {
    for (const name of ["NEXTAUTH_SECRET", "APP_URL", "SMTP_URL"]) {
      if (!env[name]) throw new Error(`${name} is not set. With a real DATABASE_URL the portal runs in production mode and needs NEXTAUTH_SECRET, APP_URL and SMTP_URL (see .env.example).`);
    }
  } else {
    // Development conveniences, loaded only here so a production install needs none of them.
    const { DATA_DIR, localSecrets } = await import("../dev/local-secrets.mjs");
    // APP_URL stays unset unless given: the portal then answers at whatever address it is opened
    // (localhost, 127.0.0.1, the machine's name), and emailed links use http://localhost:PORT (lib/env.ts).
    env.NEXTAUTH_SECRET ??= localSecrets().NEXTAUTH_SECRET;
    const { startEmbeddedPostgres } = await import("../dev/embedded-db.mjs");
    const pg = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), password: localSecrets().PG_PASSWORD, log });
    started.push(pg);
    env.DATABASE_URL = pg.url;
    const shown = path.relative(process.cwd(), pg.dataDir);
    log(`embedded PostgreSQL running (data in ${shown && !shown.startsWith("..") ? shown : pg.dataDir})`);
    if (!env.SMTP_URL) {
      const { startSmtpCatcher } = await import("../dev/smtp-catcher.mjs");
      const smtp = await startSmtpCatcher({ dir: path.join(DATA_DIR, "mail"), portFile: path.join(DATA_DIR, "mail.port"), log });
      started.push(smtp);
      env.SMTP_URL = smtp.url;
      mailDir = path.relative(process.cwd(), smtp.dir);
    }
  }

  // Check the configuration first, so a typo stops the start with one line naming the variable.
  const check = spawnSync(bin("tsx"), ["lib/cli/check-env.ts", ...(production ? ["--production"] : [])], { env, encoding: "utf8" });
  if (check.status !== 0) throw new Error(check.stderr.trim() || check.stdout.trim());

  if (production) {
    const pending = await pendingMigrations(env.DATABASE_URL);
    if (pending.length) throw new Error(`the database is missing ${pending.length} migration${pending.length > 1 ? "s" : ""} (${pending.at(-1)}): run \`npm run db:migrate\` with the migration role first.`);
    if (env.DEMO_DATA === "1") {
      log("DEMO_DATA=1: loading the demo clinics and their public demo passwords into this database");
      run(bin("tsx"), ["--conditions=react-server", "prisma/seed/index.ts"], "Loading the demo data");
      demo = true;
    }
  } else {
    await migrateDeploy(env);
    run(bin("tsx"), ["--conditions=react-server", "lib/cli/seal-handouts.ts"], "Sealing the handouts made before seals");
    log("database migrated");
    run(bin("tsx"), ["--conditions=react-server", "prisma/seed/index.ts"], "Loading the demo data");
    demo = true;
  }

  if (!dev) await buildIfNeeded(env, log, { production });
  // The email worker runs beside the web server unless it is deployed separately (`npm run worker`).
  if (env.DELIVERY_WORKER !== "off") started.push(startWorkerProcess(env));

  server = spawn(process.execPath, webServerArgs(...(dev ? ["--dev"] : [])), { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  server.on("exit", (code) => {
    if (!stopping) fail(`the web server stopped (exit ${code}).`);
  });
  await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`);
  printBanner({ url: env.APP_URL ?? `http://localhost:${env.PORT}`, mailDir, dev, demo, smtpUrl: env.SMTP_URL, smtpInsecure: env.SMTP_INSECURE === "1" });
} catch (err) {
  await fail(err instanceof Error ? err.message : String(err));
}

async function waitForHealth(url) {
  for (let i = 0; i < 240 && !stopping; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the portal did not answer at ${url}`);
}
