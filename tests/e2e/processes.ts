// Starting the portal's own commands as separate processes from a spec, the way an operator would.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Node's arguments for one of package.json's scripts (each is `node …`), as `npm run <name>` runs it: so a spec
 * runs the very command an operator or a developer does. `${PORTAL_DATA_DIR:-.data}` is expanded as sh would.
 */
export function scriptArgs(name: string, env: Record<string, string | undefined> = {}): string[] {
  const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const dataDir = "PORTAL_DATA_DIR" in env ? env.PORTAL_DATA_DIR : process.env.PORTAL_DATA_DIR;
  const [node, ...args] = scripts[name]!.replace(
    /\$\{PORTAL_DATA_DIR:-([^}]*)\}/g,
    (_, fallback: string) => dataDir || fallback,
  ).split(" ");
  if (node !== "node") throw new Error(`npm run ${name} is not a node command`);
  return args;
}

/**
 * Starts `node <args>` in a process group of its own (as a terminal would), collecting its output. `env`
 * adds to this process's environment; an undefined value removes the variable.
 */
export function startNode(args: string[], env: Record<string, string | undefined>, stdin?: string): Started {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) merged[k] = v;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, args, {
    env: merged as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Ctrl-C in a terminal: SIGINT to the whole foreground process group. */
export const pressCtrlC = (p: Started) => process.kill(-p.child.pid!, "SIGINT");

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export async function waitForHealth(base: string, p: Started, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`the portal exited early:\n${p.output()}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${base}:\n${p.output()}`);
}

/** A sign-in form as a browser has it: the CSRF token and its cookie. */
export async function signInForm(base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie: csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

/**
 * One sign-in as a browser does it: CSRF token, then the credentials POST. Resolves to the HTTP status, the
 * address it sends the browser to, and the cookies the browser then holds (the session's, when it worked).
 */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
  form?: { csrfToken: string; cookie: string },
): Promise<{ status: number; url: string; cookie: string }> {
  const { csrfToken, cookie } = form ?? (await signInForm(base));
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }),
    redirect: "manual",
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const cookies = new Map(
    [...cookie.split("; "), ...res.headers.getSetCookie().map((c) => c.split(";")[0]!)].map(
      (c) => [c.split("=")[0]!, c] as const,
    ),
  );
  return { status: res.status, url: body.url ?? "", cookie: [...cookies.values()].join("; ") };
}

/**
 * A service manager's stop (systemd's default, KillMode=control-group): `signal` to the process and to every
 * process it started, at once, whatever their process groups.
 */
export function signalEveryProcess(p: Started, signal: NodeJS.Signals) {
  const parents = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
  }
  const all = [p.child.pid!];
  for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i]!) ?? []));
  for (const pid of all) {
    try {
      process.kill(pid, signal);
    } catch {}
  }
  return all.length;
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders } | { error: string };

/** One request through `agent` (so it may wait for, and reuse, one of the agent's kept-alive connections). */
export function requestThrough(
  agent: http.Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(url, { agent, method: init.method ?? "GET", headers: init.headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(init.body);
  });
}
