import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test, type Request } from "@playwright/test";
import { webServerArgs } from "../../lib/server/node-flags.mjs";
import { actionHeaders, captureGenerate, CLINICIAN, LAKESIDE, RIVERSIDE_OWNER, signIn } from "./support";
import {
  freePort,
  pressCtrlC,
  requestThrough,
  scriptArgs,
  signalEveryProcess,
  signInForm,
  signInOverHttp,
  startNode,
  waitForHealth,
  type Answer,
  type Started,
} from "./processes";

// The production path and the process lifecycle, run as an operator would: real commands in their own
// processes against the e2e PostgreSQL cluster (its superuser is the e2e runner's DATABASE_URL).
test.describe.configure({ mode: "serial", timeout: 240_000 });
// `npm start`: the production start with DATABASE_URL set, the development stack without.
const npmStart = scriptArgs("start");

const superuserUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through `npm run test:e2e`");
  return url;
};
const withDb = (database: string, user?: { name: string; password: string }) => {
  const u = new URL(superuserUrl());
  u.pathname = `/${database}`;
  if (user) {
    u.username = user.name;
    u.password = user.password;
  }
  return u.toString();
};
async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

// What the first test leaves for the next: a production database (the README's roles, migrated, one clinic
// and its owner) and the environment that starts the portal on it.
let production:
  | { env: Record<string, string | undefined>; asMigrator: string; owner: { email: string; password: string } }
  | undefined;

const stop = async (p: Started | undefined) => {
  if (!p || p.child.exitCode !== null) return;
  process.kill(-p.child.pid!, "SIGTERM");
  await p.exited;
};

test("a production start on a real database: migrations first, no demo accounts, admin:create is the way in, and the app's role cannot rewrite the record", async ({
  page,
}) => {
  const migrator = { name: "portal_migrator", password: "migrator-secret-1" };
  const app = { name: "portal_app", password: "app-secret-1" };
  // The README's "Database roles" steps.
  for (const statement of [
    `DROP DATABASE IF EXISTS portal_prod`,
    `DROP ROLE IF EXISTS ${app.name}`,
    `DROP ROLE IF EXISTS ${migrator.name}`,
    `CREATE ROLE ${migrator.name} LOGIN PASSWORD '${migrator.password}'`,
    `CREATE ROLE ${app.name} LOGIN PASSWORD '${app.password}'`,
    `CREATE DATABASE portal_prod OWNER ${migrator.name}`,
  ])
    await sql(superuserUrl(), statement);
  const asMigrator = withDb("portal_prod", migrator);
  const asApp = withDb("portal_prod", app);
  for (const statement of [
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${app.name}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${migrator.name} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app.name}`,
  ])
    await sql(asMigrator, statement);

  const port = await freePort();
  const base = `http://localhost:${port}`;
  const prodEnv = {
    DATABASE_URL: asApp,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    APP_URL: base,
    SMTP_URL: process.env.SMTP_URL,
    PORT: String(port),
    DELIVERY_WORKER: "off",
  };

  // A guessable secret is refused with one line that says how to make a good one.
  for (const [secret, why] of [
    ["a".repeat(32), "is one character repeated"],
    ["changeme".repeat(4), "repeats the same 8 characters"],
  ]) {
    const weak = startNode(npmStart, { ...prodEnv, NEXTAUTH_SECRET: secret });
    expect(await weak.exited).toBe(1);
    expect(weak.output().trim()).toBe(
      `[portal] Configuration error: NEXTAUTH_SECRET is too easy to guess (it ${why}): make a random one with \`openssl rand -base64 32\`. See .env.example.`,
    );
  }

  // Before the migrations: the app refuses to start and says what to run.
  const early = startNode(npmStart, prodEnv);
  expect(await early.exited).toBe(1);
  expect(early.output()).toMatch(/missing \d+ migrations? .*run `npm run db:migrate`/);

  const migrate = startNode(scriptArgs("db:migrate"), { DATABASE_URL: asMigrator });
  expect(await migrate.exited, migrate.output()).toBe(0);
  expect(migrate.output()).toContain("shared library guides up to date");
  await sql(asMigrator, `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app.name}`);

  let server: Started | undefined;
  try {
    server = startNode(npmStart, prodEnv);
    await waitForHealth(base, server);
    await expect.poll(() => server!.output()).toContain("No demo accounts");
    expect(server.output()).not.toContain("riverside-owner-demo");
    expect((await sql(asMigrator, `SELECT count(*)::int AS n FROM "User"`)).rows[0].n).toBe(0);
    expect((await sql(asMigrator, `SELECT count(*)::int AS n FROM "GuideVersion"`)).rows[0].n).toBeGreaterThan(0);
    // The demo passwords do not work here.
    expect((await signInOverHttp(base, RIVERSIDE_OWNER.email, RIVERSIDE_OWNER.password)).url).toMatch(
      /error=CredentialsSignin/,
    );

    // A password on the command line is refused; on stdin it is taken.
    const cmd = [...scriptArgs("admin:create"), "--email", "Admin@Prod.example", "--clinic", "Harbor Physio"];
    const onArgv = startNode([...cmd.slice(0), "--password", "harbor-lighthouse-42"].slice(0), { DATABASE_URL: asApp });
    expect(await onArgv.exited).toBe(1);
    expect(onArgv.output()).toMatch(/never taken from the command line/);
    const weak = startNode(cmd, { DATABASE_URL: asApp }, "short\n");
    expect(await weak.exited).toBe(1);
    expect(weak.output()).toMatch(/Use at least 12 characters/);
    const created = startNode(cmd, { DATABASE_URL: asApp }, "harbor-lighthouse-42\n");
    expect(await created.exited, created.output()).toBe(0);
    expect(created.output()).toMatch(
      /Created the clinic "Harbor Physio" \(\S+\) with admin@prod\.example as its owner/,
    );

    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("admin@prod.example");
    await page.getByLabel("Password", { exact: true }).fill("harbor-lighthouse-42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Harbor Physio · you are owner")).toBeVisible();
    production = { env: prodEnv, asMigrator, owner: { email: "admin@prod.example", password: "harbor-lighthouse-42" } };

    // The app's credentials can use the tables but not change the rules that protect them.
    for (const [statement, refusal] of [
      [`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`, /must be owner/],
      [`ALTER TABLE "Handout" DISABLE TRIGGER "Handout_no_delete"`, /must be owner/],
      [`DELETE FROM "AuditEvent"`, /append-only/],
      [`DELETE FROM "Handout"`, /permanent record/],
      [`DELETE FROM "Section"`, /permanent record/],
      [`DELETE FROM "GuideReference"`, /permanent record/],
      [`TRUNCATE "HandoutPdf"`, /permission denied/],
      [`CREATE TABLE stolen (x int)`, /permission denied/],
      [`DELETE FROM "_prisma_migrations"`, /permission denied/],
    ] as const) {
      await expect(sql(asApp, statement), statement).rejects.toThrow(refusal);
    }
  } finally {
    await stop(server);
  }
});

test("stopping a production server with 30 requests in flight on kept-alive connections: all 30 are answered, whether every process or only the start process gets SIGTERM", async ({
  browser,
}) => {
  if (!production) throw new Error("needs the production database of the first test");
  const { asMigrator, owner } = production;
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // As deployed: the email worker beside the server, and the default SHUTDOWN_DRAIN_MS.
  const env = {
    ...production.env,
    PORT: String(port),
    APP_URL: base,
    DELIVERY_WORKER: undefined,
    SHUTDOWN_DRAIN_MS: undefined,
  };
  const clinicId = (await sql(asMigrator, `SELECT id FROM "Clinic" WHERE name = 'Harbor Physio'`)).rows[0].id as string;
  const handouts = async () => (await sql(asMigrator, `SELECT count(*)::int AS n FROM "Handout"`)).rows[0].n as number;
  // A clinician's Generate to replay, and their session.
  let generate: Request;
  let cookie: string;
  let setup: Started | undefined;
  try {
    setup = startNode(npmStart, { ...env, SHUTDOWN_DRAIN_MS: "0" });
    await waitForHealth(base, setup);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signIn(page, owner);
    generate = await captureGenerate(page, clinicId, "Drain-check", { saved: 30_000 });
    cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
    await context.close();
  } finally {
    await stop(setup);
  }

  // A service manager's stop (systemd) signals every process; `kill` and `docker stop` the start process only,
  // which is also all that its process group holds (the server and the worker run in groups of their own).
  // A new server each time, so both are stopped alike.
  const signals = [
    ["every process", (p: Started) => signalEveryProcess(p, "SIGTERM")],
    ["the start process", (p: Started) => p.child.kill("SIGTERM")],
  ] as const;
  for (const [target, sendSigterm] of signals) {
    let server: Started | undefined;
    try {
      server = startNode(npmStart, env);
      await waitForHealth(base, server);
      // Five kept-alive connections, as a browser or a proxy keeps them: the 30 requests queue on them and
      // follow each other as answers come back. Twenty clinicians press Generate, ten open their handouts list.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 5 });
      const pageLoad = () => requestThrough(agent, `${base}/clinics/${clinicId}/handouts`, { headers: { cookie } });
      const replay = () =>
        requestThrough(agent, `${base}${new URL(generate.url()).pathname}`, {
          method: "POST",
          headers: { ...actionHeaders(generate), cookie },
          body: generate.postDataBuffer()!,
        });
      // A server that has served before (its render threads and pages warm), as in production.
      expect([await replay(), await pageLoad()]).toMatchObject([{ status: 200 }, { status: 200 }]);
      const before = await handouts();
      const kinds = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? "page" : "generate"));
      const sent = kinds.map((kind) => (kind === "page" ? pageLoad() : replay()));
      await new Promise((r) => setTimeout(r, 400));
      sendSigterm(server);
      const signalled = Date.now();
      // Load balancers are told at once.
      await expect
        .poll(
          () =>
            fetch(`${base}/api/health`).then(
              (r) => r.status,
              (e: Error) => e.message,
            ),
          { timeout: 1_000, intervals: [50] },
        )
        .toBe(503);
      const outcome = (kind: string, a: Answer) =>
        "error" in a
          ? a.error
          : kind === "page"
            ? `page ${a.status}`
            : a.status === 200 && String(a.headers["x-action-redirect"]).includes("/handouts/")
              ? "saved"
              : `generate ${a.status}`;
      const outcomes = (await Promise.all(sent)).map((a, i) => outcome(kinds[i]!, a));
      const answeredMs = Date.now() - signalled;
      agent.destroy();
      const counts = Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]));
      console.log(`SIGTERM to ${target}: ${JSON.stringify(counts)}, the last ${answeredMs} ms after the signal`);
      expect(counts, server.output()).toEqual({ saved: 20, "page 200": 10 });
      expect(await handouts()).toBe(before + 20);
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(
        /\[web\] SIGTERM: finishing \d+ requests? in flight, \/api\/health answers 503; new requests are still served for 5 s/,
      );
      // Each Generate's answer carries the handout page, which Next fetches from this same server.
      expect(server.output()).not.toContain("failed to get redirect response");
    } finally {
      await stop(server);
    }
  }
});

test("Ctrl-C with 30 requests in flight: they all complete, then the worker and the database stop; a worker run on its own survives the restart", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-ops-"));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // Development mode (no DATABASE_URL: the embedded database), mail to the e2e catcher, worker separate.
  const env = {
    DATABASE_URL: undefined,
    PORTAL_DATA_DIR: dataDir,
    PORT: String(port),
    SMTP_URL: process.env.SMTP_URL,
    DELIVERY_WORKER: "off",
    APP_URL: undefined,
    NEXTAUTH_SECRET: undefined,
  };
  let app: Started | undefined;
  let worker: Started | undefined;
  try {
    app = startNode(npmStart, env);
    await waitForHealth(base, app, 120_000);
    const pgPort = fs.readFileSync(path.join(dataDir, "pg.port"), "utf8");
    // `npm run worker` in a second terminal: the production command, on the database the stack wrote to dev.env.
    const devEnv = path.join(dataDir, "dev.env");
    expect(fs.statSync(devEnv).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(devEnv, "utf8")).toContain(`DATABASE_URL='postgresql://postgres:`);
    worker = startNode(scriptArgs("worker", env), env);
    await expect.poll(() => worker!.output()).toContain("[worker] sending queued emails");

    // Thirty browsers with the sign-in form open press "Sign in" at once (each checks a password with argon2
    // and writes its attempt and an audit event); Ctrl-C lands while they are being served. Each must get
    // its real answer ("wrong email or password"), which needs the database until the last one is done.
    const forms = await Promise.all(Array.from({ length: 30 }, () => signInForm(base)));
    const inFlight = forms.map((form, i) =>
      signInOverHttp(base, `visitor-${i}@ops.example`, "not-the-password-1", form),
    );
    await new Promise((r) => setTimeout(r, 100));
    pressCtrlC(app);
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(401));
    expect(results.filter((r) => !/error=CredentialsSignin/.test(r.url))).toEqual([]);
    expect(await app.exited).toBe(0);
    expect(app.output()).toMatch(/\[web\] SIGTERM: finishing \d+ requests? in flight/);
    // The terminal's last word is that everything stopped.
    expect(app.output().trimEnd().split("\n").at(-1)).toBe("[portal] stopped.");
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(fs.existsSync(devEnv)).toBe(false);
    expect(worker.child.exitCode).toBeNull();
    // Another command now says what to do, in one line.
    const late = startNode([...scriptArgs("admin:create", env), "--email", "late@ops.example", "--clinic", "Ops"], env);
    expect(await late.exited).toBe(1);
    expect(late.output()).toMatch(/^DATABASE_URL is not set\. In development, start the portal first \(`npm start`\)/m);

    // Back up on the same database port; the worker picks up new work without being restarted.
    app = startNode(npmStart, env);
    await waitForHealth(base, app, 120_000);
    expect(fs.readFileSync(path.join(dataDir, "pg.port"), "utf8")).toBe(pgPort);
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { PG_PASSWORD: string };
    await sql(
      `postgresql://postgres:${encodeURIComponent(secrets.PG_PASSWORD)}@127.0.0.1:${pgPort}/portal`,
      `INSERT INTO "AccountEmail" ("id", "kind", "email", "updatedAt") VALUES ('ops-restart-check', 'PASSWORD_RESET', '${RIVERSIDE_OWNER.email}', now())`,
    );
    const mailDir = process.env.E2E_MAIL_DIR!;
    await expect
      .poll(
        () =>
          fs
            .readdirSync(mailDir)
            .some((f) => fs.readFileSync(path.join(mailDir, f), "utf8").includes("account-ops-restart-check@")),
        { timeout: 30_000 },
      )
      .toBe(true);
  } finally {
    await stop(worker);
    await stop(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("behind a proxy: X-Forwarded-Host is believed from TRUSTED_PROXIES only, so a server action from a foreign Origin cannot pass for this host's own", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, CLINICIAN);
  const title = `Forwarded-host-${Date.now()}`;
  const generate = await captureGenerate(page, LAKESIDE, title, { saved: 30_000 });
  const saved = async () =>
    (await sql(superuserUrl(), `SELECT count(*)::int AS n FROM "Handout" WHERE title = '${title}'`)).rows[0]
      .n as number;
  const replay = async (base: string, headers: Record<string, string>) => {
    const res = await page.request.post(`${base}${new URL(generate.url()).pathname}`, {
      headers: { ...actionHeaders(generate), ...headers },
      data: generate.postDataBuffer()!,
      maxRedirects: 0,
    });
    return { status: res.status(), saved: !!res.headers()["x-action-redirect"]?.includes("/handouts/") };
  };
  // A page elsewhere posting to this portal, claiming through X-Forwarded-Host to be where it came from.
  const forged = { origin: "https://elsewhere.example", "x-forwarded-host": "elsewhere.example" };

  // The e2e server trusts no proxy: the header is dropped and the Origin is compared with the real Host.
  const direct = process.env.E2E_BASE_URL!;
  expect(await replay(direct, forged)).toEqual({ status: 500, saved: false });
  expect(await saved()).toBe(1);
  expect(await replay(direct, { origin: direct })).toEqual({ status: 200, saved: true });
  expect(await saved()).toBe(2);

  // Behind a trusted proxy the forwarded host is the proxy's word, and it is taken: a deployment at the
  // proxy's public address (its APP_URL) gets requests whose Origin is that address.
  const port = await freePort();
  let proxied: Started | undefined;
  try {
    proxied = startNode(webServerArgs(), {
      PORT: String(port),
      NODE_ENV: "production",
      TRUSTED_PROXIES: "loopback",
      SHUTDOWN_DRAIN_MS: "0",
      APP_URL: "http://portal.example",
    });
    await waitForHealth(`http://localhost:${port}`, proxied);
    expect(
      await replay(`http://localhost:${port}`, {
        origin: "http://portal.example",
        "x-forwarded-host": "portal.example",
      }),
    ).toEqual({ status: 200, saved: true });
    // Another site through the same proxy still is not the portal: APP_URL names the one origin it accepts.
    expect(await replay(`http://localhost:${port}`, forged)).toEqual({ status: 200, saved: false });
    expect(await saved()).toBe(3);
  } finally {
    await stop(proxied);
  }
});
