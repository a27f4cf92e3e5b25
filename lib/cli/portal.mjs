// The production start, as a function: `npm start` with DATABASE_URL set runs it (lib/cli/start.mjs), and so
// does the development stack (lib/dev/start.mjs) once it has made a database and a mail catcher. In order:
// check the configuration (one line naming a bad variable), refuse pending migrations (`npm run db:migrate`
// applies them), load the demo clinics when DEMO_DATA=1, build when there is no build, then start the email
// worker (unless DELIVERY_WORKER=off) and the web server, and print the banner. Ctrl-C or SIGTERM: the web
// server drains (SHUTDOWN_DRAIN_MS, then up to 10 s for the requests in flight), then the worker stops.
import { spawn, spawnSync } from "node:child_process";
import { launchEnv } from "../launch-env.mjs";
import { withThisNode } from "./node-runtime.mjs";
import { webServerArgs } from "../server/node-flags.mjs";
import { printBanner } from "./banner.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { pendingMigrations } from "./migrations.mjs";
import { tsxArgs } from "./tsx.mjs";
import { startWorkerProcess } from "./worker-process.mjs";

const log = (/** @type {string} */ msg) => console.log(`[portal] ${msg}`);

/**
 * @param {NodeJS.ProcessEnv} source the environment to run with
 * @param {object} options
 * @param {import("./lifecycle.mjs").Lifecycle} options.life stops what this starts
 * @param {boolean} [options.hot] Next's development server, with hot reload (`npm run dev`)
 * @param {{ mailDir: string | null }} [options.local] started by the development stack on this machine: APP_URL
 *   may stay unset (the portal then answers at whatever address it is opened), the build is made again when
 *   the sources changed, and the banner names the folder where caught mail lands.
 */
export async function startPortal(source, { life, hot = false, local }) {
  const settings = launchEnv(source);
  /** @type {NodeJS.ProcessEnv} */
  const env = withThisNode({ ...source, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: hot ? "development" : "production" });

  // The app's own env module checks everything once, before anything starts.
  const check = spawnSync(process.execPath, tsxArgs("lib/cli/check-env.ts", ...(local ? [] : ["--production"])), {
    env,
    encoding: "utf8",
  });
  if (check.status !== 0) throw new Error(check.stderr.trim() || check.stdout.trim());
  const databaseUrl = /** @type {string} */ (settings.DATABASE_URL);

  const pending = await pendingMigrations(databaseUrl);
  if (pending.length)
    throw new Error(
      `the database is missing ${pending.length} migration${pending.length > 1 ? "s" : ""} (${pending.at(-1)}): run \`npm run db:migrate\` with the migration role first.`,
    );
  if (settings.DEMO_DATA) {
    log("DEMO_DATA=1: loading the demo clinics and their public demo passwords into this database");
    const seed = spawnSync(process.execPath, tsxArgs("prisma/seed/index.ts"), {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (seed.status !== 0) throw new Error("Loading the demo data failed.");
  }
  if (!hot) await buildIfNeeded(env, log, { production: !local });

  // The email worker runs beside the web server unless it is deployed separately (`npm run worker`).
  if (settings.DELIVERY_WORKER) life.add({ name: "email worker", ...startWorkerProcess(env) });

  const server = spawn(process.execPath, webServerArgs(...(hot ? ["--dev"] : [])), {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  // If this process dies some other way, the server must not outlive it.
  process.on("exit", () => server.exitCode === null && server.kill("SIGKILL"));
  server.on("exit", (code) => {
    if (!life.stopping) life.fail(`the web server stopped (exit ${code}).`);
  });
  // The web server drains for SHUTDOWN_DRAIN_MS and then up to 10 s itself; the margin covers its exit.
  life.add({
    name: "web server finishes its requests",
    stop: () => stopChild(server, settings.SHUTDOWN_DRAIN_MS + 15_000),
  });

  if (!(await answers(`http://${probeHost(settings.HOST)}:${settings.PORT}/api/health`, life))) return;
  printBanner({
    url: settings.APP_URL ?? `http://localhost:${settings.PORT}`,
    mailDir: local?.mailDir ?? null,
    dev: hot,
    demo: settings.DEMO_DATA,
    smtpUrl: /** @type {string} */ (settings.SMTP_URL),
    smtpInsecure: settings.SMTP_INSECURE,
  });
}

/**
 * @param {import("node:child_process").ChildProcess} child
 * @param {number} graceMs then SIGKILL
 * @returns {Promise<void>}
 */
function stopChild(child, graceMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Where this machine reaches a server listening on HOST (all interfaces when unset). @param {string | undefined} host */
function probeHost(host) {
  if (!host || host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Whether the web server answered (false: it is being stopped meanwhile).
 * @param {string} url
 * @param {{ readonly stopping: boolean }} life
 */
async function answers(url, life) {
  for (let i = 0; i < 240 && !life.stopping; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  if (life.stopping) return false;
  throw new Error(`the portal did not answer at ${url}`);
}
