// `npm run bench:hostile` (`-- --json`): what one signed-in clinic's hostile or heavy requests cost another
// clinic, over HTTP against a production server of its own (issue "no signed-in user can freeze the portal"):
// 1. 20 uploads at once of a 98 KB zip naming 20 "pictures" of 4.9 MB of zeros, while clinic B loads its
//    handouts page and a load balancer polls /api/health (target: p95 and max ≤ 200 ms);
// 2. a 400 MB chunked body to each route handler that reads one (target: 413 within 1 s, RSS + < 50 MB);
// 3. clinic A keeping four previews in flight (the issue's 150,000-row table, then ~900 KB of legal prose
//    that takes seconds to parse) while clinic B saves its guide draft and previews a small guide (target:
//    B's save p95 ≤ 1 s, none of its previews failing).
// Each figure is printed beside the same measurement idle, in the same run, and the host's CPU steal.
import fs from "node:fs";
import http from "node:http";
import pg from "pg";
import { strToU8, zipSync } from "fflate";
import { webServerArgs } from "@/lib/server/node-flags.mjs";
import { freePort, signInOverHttp, startNode, waitForHealth } from "@/tests/e2e/processes";
import { measureSteal } from "./machine";

const json = process.argv.includes("--json");
const log = (...a: unknown[]) => !json && console.log(...a);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;
const round = (x: number) => Math.round(x);
const steal = measureSteal();

function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

/** A server action as the page's form sends it: the bound clinic id, the form's state, then its fields. */
function callAction(
  base: string,
  cookie: string,
  id: string,
  clinicId: string,
  path: string,
  fields: Record<string, string | Blob>,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
  form.set("0", JSON.stringify([clinicId, { ok: false }, "$K1"]));
  return fetch(`${base}${path}`, {
    method: "POST",
    body: form,
    headers: { "next-action": id, accept: "text/x-component", cookie, origin: base },
  }).then(async (r) => ({ status: r.status, text: await r.text() }));
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

function chunkedPost(url: string, cookie: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let answered = false;
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          cookie,
          origin,
          "Transfer-Encoding": "chunked",
          "Content-Type": "application/x-www-form-urlencoded",
        },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode === 413 ? performance.now() - t0 : -res.statusCode!);
        req.destroy();
      },
    );
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(256 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < 400 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const port = await freePort();
const base = `http://localhost:${port}`;
const server = startNode(webServerArgs(), {
  PORT: String(port),
  APP_URL: base,
  NODE_ENV: "production",
  SHUTDOWN_DRAIN_MS: "0",
});
const results: Record<string, unknown> = {};
try {
  await waitForHealth(base, server);
  const a = await signInOverHttp(base, "owner@riverside.example", "riverside-owner-demo");
  const b = await signInOverHttp(base, "owner@lakeside.example", "lakeside-owner-demo");
  const page = () =>
    timed(() =>
      fetch(`${base}/clinics/demo-lakeside/handouts`, { headers: { cookie: b.cookie } }).then((r) => r.text()),
    );
  const health = () => timed(() => fetch(`${base}/api/health`).then((r) => r.text()));
  for (let i = 0; i < 5; i++) await page();

  // 1. The zip storm.
  const picture = new Uint8Array(4.9 * 1024 * 1024);
  picture.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const names = Array.from({ length: 20 }, (_, i) => `images/p${i + 1}.png`);
  const md = `# Zero Pictures\n\n## Stretches\n\n${names.map((n, i) => `![Stretch ${i + 1}](${n})`).join("\n\n")}\n\n## Disclaimer\n\nGeneral advice.\n`;
  const zip = zipSync({ "guide.md": strToU8(md), ...Object.fromEntries(names.map((n) => [n, picture])) }, { level: 9 });
  const importZip = actionId("importZipAction");
  const upload = () =>
    callAction(base, a.cookie, importZip, "demo-riverside", "/clinics/demo-riverside/guides/import", {
      file: new File([zip], "zeros.zip"),
    });
  await upload();
  const idlePage: number[] = [];
  const idleHealth: number[] = [];
  for (let i = 0; i < 20; i++) idlePage.push(await page());
  for (let i = 0; i < 20; i++) idleHealth.push(await health());
  const stormPage: number[] = [];
  const stormHealth: number[] = [];
  let refused = 0;
  for (let r = 0; r < 5; r++) {
    let done = false;
    const uploads = Promise.all(Array.from({ length: 20 }, upload)).finally(() => (done = true));
    const loads = (async () => {
      while (!done) stormPage.push(await page());
    })();
    const polls = (async () => {
      while (!done) {
        stormHealth.push(await health());
        await new Promise((res) => setTimeout(res, 10));
      }
    })();
    refused += (await uploads).filter((u) =>
      u.text.includes('\\"images/p1.png\\": The image could not be read'),
    ).length;
    await Promise.all([loads, polls]);
    await new Promise((res) => setTimeout(res, 300));
  }
  results.zipStorm = {
    uploads: 100,
    refusedWithTheFormsMessage: refused,
    pageP95Ms: round(p95(stormPage)),
    pageMaxMs: round(Math.max(...stormPage)),
    pageIdleP95Ms: round(p95(idlePage)),
    healthMaxMs: round(Math.max(...stormHealth)),
    healthIdleMaxMs: round(Math.max(...idleHealth)),
    pageLoads: stormPage.length,
    healthPolls: stormHealth.length,
  };
  log(
    `1. 100 zero-picture zips, 20 at a time: ${refused} refused with the form's message; clinic B's handouts page p95 ${round(p95(stormPage))} ms, max ${round(Math.max(...stormPage))} ms (idle p95 ${round(p95(idlePage))} ms); /api/health max ${round(Math.max(...stormHealth))} ms (idle max ${round(Math.max(...idleHealth))} ms)`,
  );

  // 2. 400 MB chunked bodies.
  const before = rssMb(server.child.pid!);
  const bodies: Record<string, number> = {};
  for (const route of [
    "/clinics/demo-riverside/drafts",
    "/clinics/demo-riverside/handouts/preview",
    "/api/auth/callback/credentials",
    "/api/auth/signout",
  ])
    bodies[route] = round(await chunkedPost(`${base}${route}`, a.cookie, base));
  const growth = Math.round((rssMb(server.child.pid!) - before) * 10) / 10;
  results.chunkedBodies = { msTo413: bodies, rssGrowthMb: growth };
  log(
    `2. 400 MB chunked bodies: 413 after ${Object.entries(bodies)
      .map(([r, ms]) => `${ms} ms (${r})`)
      .join(", ")}; server RSS ${growth >= 0 ? "+" : ""}${growth} MB`,
  );

  // 3. Clinic A's heavy previews against clinic B's draft saves and small previews.
  const preview = actionId("previewGuideAction");
  const save = actionId("saveGuideDraftAction");
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const owner = (
    await db.query(`SELECT "userId" FROM "Membership" WHERE "clinicId" = 'demo-lakeside' AND role = 'OWNER'`)
  ).rows[0].userId as string;
  const draftId = `bench${Date.now()}`;
  const content = (i: number) => ({
    title: `Bench guide ${draftId}`,
    summary: "",
    source: "",
    reviewed: "",
    language: "en",
    level: "standard",
    sections: [
      { title: "Basics", markdown: `Walk ${i} minutes a day.`, required: false, keepUnlocked: false },
      { title: "Disclaimer", markdown: "General advice.", required: false, keepUnlocked: false },
    ],
  });
  await db.query(
    `INSERT INTO "GuideDraft" (id, "clinicId", content, "updatedById", "updatedAt") VALUES ($1, 'demo-lakeside', $2, $3, now())`,
    [draftId, JSON.stringify(content(0)), owner],
  );
  await db.end();
  const small = `# Small Guide\n\n## Basics\n\nWalk every day.\n\n## Disclaimer\n\nGeneral advice.\n`;
  const table = `# Big Table\n\n## Exercises\n\n| Exercise | Reps |\n|---|---|\n${Array.from({ length: 150_000 }, (_, i) => `|${i % 10}|x|`).join("\n")}\n\n## Disclaimer\n\nGeneral advice.\n`;
  const prose = `# Slow Guide\n\n## Basics\n\n${Array.from({ length: 9000 }, (_, i) => `Paragraph ${i} tells the patient to rest, walk and stretch every day and to call us.`).join("\n\n")}\n\n## Disclaimer\n\nGeneral advice.\n`;
  let revision = 1;
  const bWork = async (n: number) => {
    const saves: number[] = [];
    const failed: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const saved = await callAction(
        base,
        b.cookie,
        save,
        "demo-lakeside",
        `/clinics/demo-lakeside/guides/drafts/${draftId}`,
        { draftId, revision: String(revision), content: JSON.stringify(content(i + 1)) },
      );
      saves.push(performance.now() - t);
      if (!saved.text.includes("Draft saved.")) failed.push(`save: ${saved.text.slice(0, 160)}`);
      else revision++;
      const p = await callAction(base, b.cookie, preview, "demo-lakeside", "/clinics/demo-lakeside/guides/import", {
        text: small,
      });
      if (!p.text.includes('"ok":true')) failed.push(`preview: ${p.text.slice(0, 160)}`);
    }
    return { saves, failed };
  };
  const idleB = await bWork(10);
  for (const [label, text] of [
    ["150,000-row table", table],
    ["900 KB of prose", prose],
  ] as const) {
    let stop = false;
    let aPreviews = 0;
    const aLoop = async () => {
      while (!stop) {
        await callAction(base, a.cookie, preview, "demo-riverside", "/clinics/demo-riverside/guides/import", { text });
        aPreviews++;
      }
    };
    const loops = Array.from({ length: 4 }, aLoop);
    await new Promise((res) => setTimeout(res, 500));
    const busyB = await bWork(15);
    stop = true;
    await Promise.all(loops);
    results[label === "900 KB of prose" ? "starvationProse" : "starvationTable"] = {
      bSaveP95Ms: round(p95(busyB.saves)),
      bSaveIdleP95Ms: round(p95(idleB.saves)),
      bFailures: busyB.failed,
      aPreviewsMeanwhile: aPreviews,
    };
    log(
      `3. clinic A keeping 4 previews of ${label} in flight (${aPreviews} done meanwhile): clinic B's draft save p95 ${round(p95(busyB.saves))} ms (idle ${round(p95(idleB.saves))} ms), ${busyB.failed.length} of its saves and previews failed${busyB.failed.length ? `: ${busyB.failed[0]}` : ""}`,
    );
  }
} finally {
  if (server.child.exitCode === null) {
    process.kill(-server.child.pid!, "SIGTERM");
    await server.exited;
  }
}
results.hostStealPercent = steal();
if (json) console.log(JSON.stringify(results));
else log(`host CPU steal during the run: ${results.hostStealPercent ?? "n/a"}%`);
