// The portal as a small deployment runs it, on one machine: one PostgreSQL (embedded, throwaway), one SMTP
// catcher, web servers from one production build on ports of their own, nginx in front of them (Debian's,
// installed when missing), and delivery workers as separate processes. Each server and worker can be killed
// on its own. Used by tests/bench/cluster.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { freePort, startEmbeddedPostgres } from "../../../lib/dev/embedded-db.mjs";
import { startSmtpCatcher } from "../../../lib/dev/smtp-catcher.mjs";
import { migrateDeploy } from "../../../lib/cli/migrate.mjs";
import { tsxArgs } from "../../../lib/cli/tsx.mjs";
import { buildIfNeeded } from "../../../lib/cli/build-if-needed.mjs";
import { startWorkerProcess } from "../../../lib/cli/worker-process.mjs";
import { webServerArgs } from "../../../lib/server/node-flags.mjs";

const log = (/** @type {string} */ m) => process.stderr.write(`[cluster] ${m}\n`);

/** Debian's nginx, installed when missing (the bench runs as root on these machines). */
function nginxBinary() {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (found) return found;
  log("installing nginx (apt-get install nginx-light)");
  const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx-light"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.status !== 0 || !fs.existsSync("/usr/sbin/nginx"))
    throw new Error("nginx is not installed and could not be installed: apt-get install nginx-light");
  return "/usr/sbin/nginx";
}

/** @param {string} dir @param {number} port @param {string[]} upstreams @param {boolean} gzip */
function nginxConfig(dir, port, upstreams, gzip) {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  client_max_body_size 20m;
${gzip ? "  gzip on; gzip_proxied any; gzip_types text/css application/javascript application/json text/x-component;\n" : ""}  upstream portal { ${upstreams.map((u) => `server ${u} max_fails=0;`).join(" ")} keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

/** @param {string} base @param {import("node:child_process").ChildProcess} child */
async function waitForHealth(base, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${base} exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

/**
 * `servers`: each web server's name, extra environment, and whether nginx sends it requests (default yes);
 * `workers`: how many delivery workers; `gzip`: nginx compresses responses (as a proxy in front of servers
 * run with HTTP_COMPRESSION=off does).
 */
/** @type {typeof import("./stack.d.mts").startCluster} */
export async function startCluster({ servers, workers, gzip = false }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-"));
  fs.chmodSync(tmp, 0o755);
  /** @type {{ stop: () => Promise<void> }[]} */
  const started = [];
  /** @type {import("./stack.d.mts").WebServer[]} */
  const web = [];
  /** @type {import("./stack.d.mts").DeliveryWorker[]} */
  const delivery = [];
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let nginx;

  async function stop() {
    nginx?.kill("SIGQUIT");
    for (const s of web) if (s.child.exitCode === null) s.child.kill("SIGTERM");
    await Promise.all(web.map((s) => (s.child.exitCode === null ? new Promise((r) => s.child.once("exit", r)) : null)));
    for (const w of delivery) await w.stop().catch(() => {});
    for (const s of started.reverse()) await s.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  try {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(tmp, "pg"),
      password: "cluster",
      persistent: false,
      database: "portal_cluster",
    });
    started.push(pg);
    const smtp = await startSmtpCatcher({ dir: path.join(tmp, "mail") });
    started.push(smtp);
    const lbPort = await freePort();
    const lb = `http://127.0.0.1:${lbPort}`;
    // What every app server of a deployment shares: the database, the secret, the public address.
    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: pg.url,
      SMTP_URL: smtp.url,
      APP_URL: lb,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      TRUSTED_PROXIES: "127.0.0.1",
      // A short lease, so a killed worker's email is taken over within seconds rather than minutes.
      SMTP_TIMEOUT_MS: "2000",
      WORKER_POLL_MS: "200",
    };
    await migrateDeploy(env);
    const seed = spawnSync(process.execPath, tsxArgs("prisma/seed/index.ts"), { env, stdio: ["ignore", 2, "inherit"] });
    if (seed.status !== 0) throw new Error("seed failed");
    await buildIfNeeded(env, log, { stdout: 2 });

    for (const s of servers) {
      const port = await freePort();
      const child = spawn(process.execPath, webServerArgs(), {
        env: { ...env, ...s.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      web.push({ name: s.name, base: `http://127.0.0.1:${port}`, child });
    }
    await Promise.all(web.map((s) => waitForHealth(s.base, s.child)));
    const lbServers = web.filter((_, i) => servers[i]?.balanced !== false);
    fs.writeFileSync(
      path.join(tmp, "nginx.conf"),
      nginxConfig(
        tmp,
        lbPort,
        lbServers.map((s) => s.base.replace("http://", "")),
        gzip,
      ),
    );
    nginx = spawn(nginxBinary(), ["-c", path.join(tmp, "nginx.conf"), "-p", tmp, "-g", "daemon off;"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(lb, nginx);
    for (let i = 0; i < workers; i++) {
      const w = startWorkerProcess(env, { quiet: true });
      delivery.push({ name: `worker ${i + 1}`, child: w.child, stop: w.stop });
    }
    return { env, lb, web, workers: delivery, mailDir: smtp.dir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
