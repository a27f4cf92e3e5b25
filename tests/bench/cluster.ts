// `npm run bench:cluster [-- --json] [--seconds N] [--minutes M] [--compression on|off] [--profile]`: the portal as a deployment of several machines runs it,
// on this one (tests/bench/cluster/stack.mjs): one PostgreSQL, app servers A and B behind nginx, two delivery
// workers. It checks, and prints:
// 1. sessions: signed in on A, the clinician keeps working on B (pages and a Generate);
// 2. sign-in throttle: wrong passwords sent to A and B in turn, 5 are evaluated in all, then the account waits;
// 3. 200 handout emails while one worker is killed (SIGKILL) midway: delivered, and duplicates by Message-ID;
// 4. Generate on A and B at once for N seconds (default 60): handouts per second, p50/p95;
// 5. pages while rendering: TTFB of the handouts list and the library on one server, idle and while 20
//    clinicians generate there non-stop, with render threads below the request thread (the default) and, on
//    server C (out of the balancer), at the same priority (PDF_RENDER_NICE=0), in the same run.
// 6. the render threads' own capacity in the same run (the document Generate made, straight through a pool
//    with A's and B's thread count, for as long as phase 4): phase 4 divided by it is what the request path
//    keeps of the renderer;
// 7. memory: server A's RSS while 20 clinicians generate there for M minutes (default 2; the issue asks 10),
//    at minute 1 and at the end.
// `--compression off` (the default) runs A and B as behind a proxy that compresses (HTTP_COMPRESSION=off, and
// nginx gzips); `on` leaves compression to them. `--profile` samples server A's own thread during phase 4
// (tests/bench/cluster/profile.ts) and prints the top of it.
// Generate is the builder's real server action, captured once from Chromium and replayed over HTTP (the
// same request the browser sends), so the load is made without twenty browsers on a 2-core machine.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startCluster, type Cluster, type WebServer } from "./cluster/stack.mjs";
import { signInOverHttp } from "../e2e/processes";
import { CLINICIAN, LAKESIDE_OWNER, RIVERSIDE } from "../e2e/support";
import { captureReplay, type Replay } from "./cluster/replay";
import { sampleTtfb, type Percentiles, percentiles } from "./cluster/timing";
import { measureSteal } from "./machine";
import { renderCapacity } from "./cluster/capacity";
import { rssUnderGenerate } from "./cluster/memory";
import { startProfile } from "./cluster/profile";

const json = process.argv.includes("--json");
const option = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const seconds = Number(option("--seconds")) || 60;
const minutes = Number(option("--minutes")) || 2;
const compression = option("--compression") === "on" ? "on" : "off";
const profile = process.argv.includes("--profile");
const INSPECT_PORT = 9239;
const log = (m: string) => void (json || process.stderr.write(`${m}\n`));
const HOME = `/clinics/${RIVERSIDE}`;
const PAGES = { handouts: `${HOME}/handouts`, library: `${HOME}/guides` };

async function signIn(base: string, who: { email: string; password: string }): Promise<string> {
  const res = await signInOverHttp(base, who.email, who.password);
  if (!res.cookie.includes("session-token")) throw new Error(`sign-in on ${base} failed: ${res.url}`);
  return res.cookie;
}

async function page(base: string, pathname: string, cookie: string) {
  const res = await fetch(base + pathname, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

/** 1. The session made on A works on B: its pages and its actions (the servers share only the database and the secret). */
async function sessionsAcross(a: WebServer, b: WebServer, replay: Replay) {
  const cookie = await signIn(a.base, CLINICIAN);
  const list = await page(b.base, PAGES.handouts, cookie);
  const made = await replay(b.base, cookie);
  return {
    signedInOn: a.name,
    workedOn: b.name,
    pageStatus: list.status,
    pageShowsHandouts: /<h1[^>]*>Handouts/.test(list.html),
    generateOnOther: made.ok,
  };
}

/** 2. Wrong passwords to A and B in turn: the count is in the database, so both servers share it. */
async function throttleAcross(servers: WebServer[]) {
  const outcomes: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await signInOverHttp(servers[i % servers.length]!.base, LAKESIDE_OWNER.email, `not-the-password-${i}`);
    outcomes.push(new URL(res.url, "http://x").searchParams.get("error") ?? "signed-in");
  }
  const right = await signInOverHttp(servers[1]!.base, LAKESIDE_OWNER.email, LAKESIDE_OWNER.password);
  return {
    attempts: outcomes.length,
    evaluated: outcomes.filter((o) => o === "CredentialsSignin").length,
    refusedUnevaluated: outcomes.filter((o) => o === "locked").length,
    rightPasswordRefused: new URL(right.url, "http://x").searchParams.get("error") === "locked",
  };
}

/** 4. Generate on every given server at once for `seconds`, `perServer` clinicians each. */
async function generateTogether(
  servers: WebServer[],
  cookie: string,
  replay: Replay,
  perServer: number,
  seconds: number,
) {
  const steal = measureSteal();
  const until = Date.now() + seconds * 1000;
  const times: number[] = [];
  let failed = 0;
  const perServerCount = Object.fromEntries(servers.map((s) => [s.name, 0]));
  await Promise.all(
    servers.flatMap((s) =>
      Array.from({ length: perServer }, async () => {
        while (Date.now() < until) {
          const r = await replay(s.base, cookie);
          if (!r.ok) failed++;
          else {
            times.push(r.ms);
            perServerCount[s.name]!++;
          }
        }
      }),
    ),
  );
  return {
    seconds,
    clinicians: servers.length * perServer,
    handouts: times.length,
    failed,
    perServer: perServerCount,
    perSecond: Math.round((times.length / seconds) * 10) / 10,
    ...percentiles(times),
    stealPercent: steal(),
  };
}

/** 3. 200 emails; the first worker is killed once about a quarter are out, the other finishes. */
async function emailsWithAKill(cluster: Cluster, count: number, cookie: string, replay: Replay) {
  const { db } = await import("@/lib/db");
  const withLink = () => db.handout.count({ where: { clinicId: RIVERSIDE, link: { isNot: null } } });
  // One handout per email: made here when the Generate phase made fewer.
  while ((await withLink()) < count) await Promise.all(cluster.web.slice(0, 2).map((s) => replay(s.base, cookie)));
  const { requestDelivery } = await import("@/lib/deliveries/mutations");
  const { as } = await import("../integration/helpers");
  const user = await db.user.findUniqueOrThrow({ where: { email: CLINICIAN.email } });
  const ctx = await as(user.id, RIVERSIDE);
  const handouts = await db.handout.findMany({
    where: { clinicId: RIVERSIDE, link: { isNot: null } },
    select: { id: true },
    take: count,
    orderBy: { createdAt: "desc" },
  });
  if (handouts.length < count) throw new Error(`only ${handouts.length} handouts with a link to email`);
  const before = new Set(fs.readdirSync(cluster.mailDir));
  const ids = [];
  for (const [i, h] of handouts.entries())
    ids.push(
      (
        await requestDelivery(ctx, {
          handoutId: h.id,
          recipient: `patient${i}@example.org`,
          consent: "yes",
          message: "",
          idempotencyKey: `bench-${i}-${Date.now()}`,
          mode: "LINK",
        })
      ).id,
    );
  const newMail = () => fs.readdirSync(cluster.mailDir).filter((f) => !before.has(f));
  const victim = cluster.workers[0]!;
  let killedAfter = -1;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const out = newMail().length;
    if (killedAfter < 0 && out >= count / 4) {
      process.kill(-victim.child.pid!, "SIGKILL");
      killedAfter = out;
      log(`  killed ${victim.name} (SIGKILL) after ${out} emails`);
    }
    const sent = await db.delivery.count({ where: { id: { in: ids }, status: "SENT" } });
    if (sent === count || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const messageIds = newMail().map(
    (f) => /^Message-ID:\s*(\S+)/im.exec(fs.readFileSync(path.join(cluster.mailDir, f), "utf8"))?.[1] ?? f,
  );
  const statuses = await db.delivery.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: true });
  return {
    queued: ids.length,
    killedWorkerAfter: killedAfter,
    sent: statuses.find((s) => s.status === "SENT")?._count ?? 0,
    received: messageIds.length,
    duplicates: messageIds.length - new Set(messageIds).size,
  };
}

/** 5. The two pages' TTFB on one server: idle, then while `clinicians` generate there without pause. */
async function pagesUnderRendering(
  server: WebServer,
  cookie: string,
  replay: Replay,
  clinicians: number,
  seconds: number,
) {
  const urls = Object.values(PAGES).map((p) => server.base + p);
  const steal = measureSteal();
  const idle = await sampleTtfb(urls, cookie, seconds * 1000);
  let running = true;
  const generated: number[] = [];
  const load = Array.from({ length: clinicians }, async () => {
    while (running) {
      const r = await replay(server.base, cookie);
      if (r.ok) generated.push(r.ms);
    }
  });
  await new Promise((r) => setTimeout(r, 3000));
  const loaded = await sampleTtfb(urls, cookie, seconds * 1000);
  running = false;
  await Promise.all(load);
  const ratio = (a: Percentiles, b: Percentiles) => Math.round((b.p95Ms / Math.max(1, a.p95Ms)) * 100) / 100;
  return {
    server: server.name,
    idle,
    loaded,
    p95Ratio: ratio(idle, loaded),
    generate: percentiles(generated),
    stealPercent: steal(),
  };
}

const behindProxy = { HTTP_COMPRESSION: compression };
const cluster = await startCluster({
  servers: [
    // --inspect-port only names the port: the inspector opens when the bench sends SIGUSR1 (--profile).
    {
      name: "A",
      env: { ...behindProxy, ...(profile ? { NODE_OPTIONS: `--inspect-port=127.0.0.1:${INSPECT_PORT}` } : {}) },
    },
    { name: "B", env: behindProxy },
    { name: "C", env: { PDF_RENDER_NICE: "0" }, balanced: false },
  ],
  workers: 2,
  gzip: compression === "off",
});
// Ctrl-C stops the servers, workers, nginx and the database too.
process.once("SIGINT", () => void cluster.stop().finally(() => process.exit(130)));
try {
  Object.assign(process.env, cluster.env);
  const [a, b, c] = cluster.web as [WebServer, WebServer, WebServer];
  log(
    `cluster: nginx ${cluster.lb} → A ${a.base}, B ${b.base}; C ${c.base} (renders at normal priority, not balanced); 2 workers`,
  );

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  const replay = await captureReplay(browser, cluster.lb, await signIn(cluster.lb, CLINICIAN), RIVERSIDE);
  await browser.close();

  log("1. sessions across servers");
  const sessions = await sessionsAcross(a, b, replay);
  log(`  ${JSON.stringify(sessions)}`);
  log("2. sign-in throttle across servers");
  const throttle = await throttleAcross([a, b]);
  log(`  ${JSON.stringify(throttle)}`);

  const cookie = await signIn(a.base, CLINICIAN);
  log(`4. Generate on A and B at once for ${seconds} s (10 clinicians each)`);
  const stopProfile = profile ? await startProfile(a, INSPECT_PORT) : null;
  const generate = await generateTogether([a, b], cookie, replay, 10, seconds);
  log(`  ${JSON.stringify(generate)}`);
  const profileFile = `/tmp/cluster-A-${Date.now()}.cpuprofile`;
  const cpu = stopProfile ? await stopProfile(profileFile) : null;
  if (cpu) log(`  server A's own thread during phase 4 (${profileFile}): ${JSON.stringify(cpu, null, 2)}`);
  const { db } = await import("@/lib/db");
  const sizes = await db.handoutPdf.aggregate({
    _avg: { size: true },
    _min: { size: true },
    _max: { size: true },
    _count: true,
  });
  const pdfBytes = {
    handouts: sizes._count,
    mean: Math.round(sizes._avg.size ?? 0),
    min: sizes._min.size,
    max: sizes._max.size,
  };
  log(`  stored PDF bytes per handout: ${JSON.stringify(pdfBytes)}`);

  log(`6. the render threads' own capacity: the same document straight through a pool, ${seconds} s`);
  const last = await db.handout.findFirstOrThrow({ where: { clinicId: RIVERSIDE }, orderBy: { createdAt: "desc" } });
  const capacitySteal = measureSteal();
  const capacity = { ...(await renderCapacity(RIVERSIDE, last.id, 2, seconds)), stealPercent: capacitySteal() };
  const ofCapacity = Math.round((generate.perSecond / capacity.perSecond) * 100) / 100;
  log(`  ${JSON.stringify(capacity)}; Generate end to end ${generate.perSecond}/s = ${ofCapacity} of it`);

  log("3. 200 emails, one worker killed midway");
  const emails = await emailsWithAKill(cluster, 200, cookie, replay);
  log(`  ${JSON.stringify(emails)}`);

  const pageSeconds = Math.max(10, Math.round(seconds / 3));
  log(`5. pages while 20 clinicians generate on one server (${pageSeconds} s idle, ${pageSeconds} s loaded)`);
  const lowered = await pagesUnderRendering(a, cookie, replay, 20, pageSeconds);
  log(`  render threads lowered (A): ${JSON.stringify(lowered)}`);
  const same = await pagesUnderRendering(c, cookie, replay, 20, pageSeconds);
  log(`  render threads at normal priority (C): ${JSON.stringify(same)}`);

  log(`7. server A's RSS while 20 clinicians generate there for ${minutes} min`);
  const memorySteal = measureSteal();
  const memory = { ...(await rssUnderGenerate(a, cookie, replay, 20, minutes)), stealPercent: memorySteal() };
  log(`  ${JSON.stringify(memory)}`);

  const result = {
    sessions,
    throttle,
    emails,
    compression,
    generate,
    capacity,
    generateOfCapacity: ofCapacity,
    cpu,
    memory,
    pdfBytes,
    pages: { renderThreadsLowered: lowered, renderThreadsNormal: same },
  };
  if (json) console.log(JSON.stringify(result));
  else
    console.log(
      [
        `Sessions: signed in on ${sessions.signedInOn}, page on ${sessions.workedOn} ${sessions.pageStatus}, Generate on ${sessions.workedOn} ${sessions.generateOnOther ? "ok" : "FAILED"}`,
        `Throttle across A and B: ${throttle.evaluated} of ${throttle.attempts} wrong passwords evaluated, ${throttle.refusedUnevaluated} refused unevaluated, right password then ${throttle.rightPasswordRefused ? "refused (locked)" : "ACCEPTED"}`,
        `Emails: ${emails.sent}/${emails.queued} sent, ${emails.received} received, ${emails.duplicates} duplicates (worker killed after ${emails.killedWorkerAfter})`,
        `Generate on A+B for ${generate.seconds} s, ${generate.clinicians} clinicians (compression ${compression === "off" ? "in nginx" : "in the servers"}): ${generate.handouts} handouts (${generate.perSecond}/s), p50 ${generate.p50Ms} ms, p95 ${generate.p95Ms} ms, ${generate.failed} failed; CPU stolen by the host ${generate.stealPercent ?? "?"}%`,
        `Render threads alone (${capacity.threads} threads, the same document, ${capacity.seconds} s): ${capacity.rendered} handouts (${capacity.perSecond}/s); CPU stolen ${capacity.stealPercent ?? "?"}%`,
        `Generate capacity ÷ render threads' capacity: ${generate.perSecond} ÷ ${capacity.perSecond} = ${ofCapacity} (target ≥ 0.6)`,
        `Stored PDF: ${pdfBytes.mean} bytes per handout on average (${pdfBytes.min}–${pdfBytes.max}, ${pdfBytes.handouts} handouts)`,
        ...[lowered, same].map(
          (p, i) =>
            `Pages on ${p.server} (${i === 0 ? "render threads lowered" : "render threads at normal priority"}): TTFB p95 under 20 generating ÷ idle: ${p.loaded.p95Ms} ÷ ${p.idle.p95Ms} ms = ${p.p95Ratio}×${i === 0 ? " (target ≤ 1.5)" : ""}, p50 ${p.idle.p50Ms} → ${p.loaded.p50Ms} ms; generate p50 ${p.generate.p50Ms} ms; CPU stolen by the host ${p.stealPercent ?? "?"}%`,
        ),
        `Memory of ${memory.server} over ${memory.minutes} min of 20 generating (${memory.handouts} handouts, ${memory.failed} failed): RSS ${memory.atMinute1Mb} MB at minute 1 → ${memory.endMb} MB at the end (${memory.growthPercent}%, target within 10%), peak ${memory.peakMb}, at start ${memory.startMb}; CPU stolen ${memory.stealPercent ?? "?"}%`,
      ].join("\n"),
    );
} finally {
  await cluster.stop();
}
process.exit(0);
