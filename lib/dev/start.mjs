#!/usr/bin/env node
// The development stack: `npm start` / `npm run dev` without DATABASE_URL (lib/start.mjs chooses). Makes what
// a developer has not configured: an embedded PostgreSQL 17 (data in .data/pg, kept across restarts), a mail
// catcher that saves each message in .data/mail/, a generated NEXTAUTH_SECRET. Applies the migrations, writes
// what it made to .data/dev.env for the other npm scripts, then runs the production start (lib/cli/portal.mjs)
// on it with the demo clinics (DEMO_DATA=1). Ctrl-C: the production start's web server and email worker stop
// first, then dev.env goes, then the mail catcher and the database stop.
import path from "node:path";
import { spawnSync } from "node:child_process";
import { launchEnv } from "../launch-env.mjs";
import { lifecycle } from "../cli/lifecycle.mjs";
import { migrateDeploy } from "../cli/migrate.mjs";
import { startPortal } from "../cli/portal.mjs";
import { tsxArgs } from "../cli/tsx.mjs";
import { writeDevEnv } from "./dev-env.mjs";
import { startEmbeddedPostgres } from "./embedded-db.mjs";
import { localSecrets } from "./local-secrets.mjs";
import { startSmtpCatcher } from "./smtp-catcher.mjs";

const log = (/** @type {string} */ msg) => console.log(`[portal] ${msg}`);
/** A folder as the terminal shows it: relative when it is inside the checkout. @param {string} dir */
const shown = (dir) => {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
};

const life = lifecycle(log);
try {
  const settings = launchEnv();
  const dataDir = path.resolve(settings.PORTAL_DATA_DIR);
  const secrets = localSecrets(dataDir);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), password: secrets.PG_PASSWORD, log });
  // A database some other command started (joined, not started here) is left running.
  life.add({ name: pg.attached ? undefined : "database", stop: pg.stop });
  log(`embedded PostgreSQL running (data in ${shown(pg.dataDir)})`);
  let smtpUrl = settings.SMTP_URL;
  let mailDir = null;
  if (!smtpUrl) {
    const smtp = await startSmtpCatcher({
      dir: path.join(dataDir, "mail"),
      portFile: path.join(dataDir, "mail.port"),
      log,
    });
    life.add({ name: "mail catcher", stop: smtp.stop });
    smtpUrl = smtp.url;
    mailDir = shown(smtp.dir);
  }

  // What this stack made; anything the developer set keeps its value. APP_URL stays unset unless given: the
  // portal then answers at whatever address it is opened, and emailed links use http://localhost:PORT.
  const made = {
    DATABASE_URL: pg.url,
    SMTP_URL: smtpUrl,
    NEXTAUTH_SECRET: settings.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    DATA_ENCRYPTION_KEY: settings.DATA_ENCRYPTION_KEY ?? secrets.DATA_ENCRYPTION_KEY,
    PORT: String(settings.PORT),
    APP_URL: settings.APP_URL,
    SMTP_INSECURE: settings.SMTP_INSECURE ? "1" : undefined,
  };
  // No load balancer has to notice a development server stopping: Ctrl-C stops it without the wait.
  const env = { SHUTDOWN_DRAIN_MS: "0", ...process.env, ...made, DEMO_DATA: "1" };

  await migrateDeploy(env);
  const seal = spawnSync(process.execPath, tsxArgs("lib/cli/seal-handouts.ts"), {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (seal.status !== 0) throw new Error("Sealing the handouts made before seals failed.");
  log("database migrated");
  life.add(writeDevEnv(path.join(dataDir, "dev.env"), made));

  await startPortal(env, { life, hot: process.argv.includes("--dev"), local: { mailDir } });
} catch (err) {
  await life.fail(err instanceof Error ? err.message : String(err));
}
