// The portal as the end-to-end tests and the browser benchmarks see it: a throwaway embedded PostgreSQL
// (migrated + seeded), a local SMTP catcher whose folder the specs read, and a production build served by the
// portal's web server with an email worker beside it. `stdout` is where the seed and the build write
// ("inherit", or 2 to keep a command's own stdout clean, e.g. for `bench:preview --json`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { startEmbeddedPostgres, freePort } from "./embedded-db.mjs";
import { startSmtpCatcher } from "./smtp-catcher.mjs";
import { launchEnv } from "../launch-env.mjs";
import { migrateDeploy } from "../cli/migrate.mjs";
import { buildIfNeeded } from "../cli/build-if-needed.mjs";
import { tsxArgs } from "../cli/tsx.mjs";
import { startWorkerProcess } from "../cli/worker-process.mjs";
import { webServerArgs } from "../server/node-flags.mjs";

/**
 * @param {{ log?: (msg: string) => void, stdout?: "inherit" | 2 }} [options]
 * @returns {Promise<{ env: NodeJS.ProcessEnv, stop: () => Promise<void> }>}
 */
export async function startAppStack({ log = (m) => console.error(`[e2e] ${m}`), stdout = "inherit" } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
  fs.chmodSync(tmp, 0o755);
  /** @type {{ stop: () => Promise<void> }[]} */
  const started = [];
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let server;

  async function stop() {
    if (server && server.exitCode === null) {
      const running = server;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    for (const s of started.reverse()) await s.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  try {
    // A production server refuses a guessable secret (lib/secret-strength.ts).
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!launchEnv().DATABASE_URL) {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(tmp, "pg"),
        password: "e2e",
        persistent: false,
        database: "portal_e2e",
      });
      started.push(pg);
      env.DATABASE_URL = pg.url;
    }
    const smtp = await startSmtpCatcher({ dir: path.join(tmp, "mail") });
    started.push(smtp);
    const port = await freePort();
    const base = `http://localhost:${port}`;
    Object.assign(env, {
      SMTP_URL: smtp.url,
      E2E_MAIL_DIR: smtp.dir,
      PORT: String(port),
      APP_URL: base,
      E2E_BASE_URL: base,
      // A short waiting line for renders, so a burst of a hundred requests overflows it on any machine (busy.spec.ts).
      PDF_QUEUE_LIMIT: "8",
    });
    await migrateDeploy(env);
    const seed = spawnSync(process.execPath, tsxArgs("prisma/seed/index.ts"), {
      env,
      stdio: ["ignore", stdout, "inherit"],
    });
    if (seed.status !== 0) throw new Error("seed failed");
    await buildIfNeeded(env, log, { stdout });

    started.push(startWorkerProcess({ ...env, WORKER_POLL_MS: "200" }, { quiet: true }));
    // No balancer in front of it: stopped without the drain window.
    server = spawn(process.execPath, webServerArgs(), {
      env: { SHUTDOWN_DRAIN_MS: "0", ...env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error("the server did not start");
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return { env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
