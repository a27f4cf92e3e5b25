#!/usr/bin/env node
// `npm start` / `npm run dev`: one command that brings up the whole portal on a fresh machine.
// Starts what is not configured (embedded PostgreSQL, a local SMTP catcher), migrates, seeds, builds when
// the sources changed, serves, and stops everything it started on Ctrl-C.
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "./embedded-db.mjs";
import { startSmtpCatcher } from "./smtp-catcher.mjs";
import { DATA_DIR, localSecrets } from "./local-secrets.mjs";
import { migrateDeploy } from "./migrate.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { printBanner } from "./banner.mjs";
import { startWorkerProcess } from "./worker-process.mjs";

const dev = process.argv.includes("--dev");
const bin = (name) => path.resolve("node_modules/.bin", name);
const log = (msg) => console.log(`[portal] ${msg}`);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.PORT ??= "3000";
env.APP_URL ??= `http://localhost:${env.PORT}`;
env.NODE_ENV = dev ? "development" : "production";
if (!env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = localSecrets().NEXTAUTH_SECRET;

const started = [];
let server;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  for (const s of started.reverse()) await s.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    console.error(`[portal] ${what} failed.`);
    return stopAll(1);
  }
}

try {
  // Check the configuration first, so a typo stops the start with one line naming the variable.
  const check = spawnSync(bin("tsx"), ["lib/cli/check-env.ts"], {
    env: { ...env, DATABASE_URL: env.DATABASE_URL ?? "postgresql://placeholder/db", SMTP_URL: env.SMTP_URL ?? "smtp://127.0.0.1:25" },
    encoding: "utf8",
  });
  if (check.status !== 0) {
    console.error(check.stderr.trim() || check.stdout.trim());
    process.exit(1);
  }

  let mailDir = null;
  if (!env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), password: localSecrets().PG_PASSWORD, log });
    started.push(pg);
    env.DATABASE_URL = pg.url;
    const shown = path.relative(process.cwd(), pg.dataDir);
    log(`embedded PostgreSQL running (data in ${shown && !shown.startsWith("..") ? shown : pg.dataDir})`);
  }
  if (!env.SMTP_URL) {
    const smtp = await startSmtpCatcher({ dir: path.join(DATA_DIR, "mail"), log });
    started.push(smtp);
    env.SMTP_URL = smtp.url;
    mailDir = path.relative(process.cwd(), smtp.dir);
  }

  await migrateDeploy(env);
  log("database migrated");
  await run(bin("tsx"), ["--conditions=react-server", "prisma/seed/index.ts"], "Seeding");
  log("demo data ready");
  if (!dev) await buildIfNeeded(env, log);
  // The email worker runs beside the web server unless it is deployed separately (`npm run worker`).
  if (env.DELIVERY_WORKER !== "off") started.push(startWorkerProcess(env));

  const args = dev ? ["dev", "-p", env.PORT] : ["start", "-p", env.PORT];
  server = spawn(bin("next"), args, { env, stdio: ["ignore", "inherit", "inherit"] });
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`[portal] the web server stopped (exit ${code}).`);
      stopAll(code ?? 1);
    }
  });
  await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`);
  printBanner({ url: env.APP_URL, mailDir, dev });
} catch (err) {
  console.error(`[portal] ${err instanceof Error ? err.message : err}`);
  await stopAll(1);
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
