// `npm run bench:preview [-- --json] [-- --changes 40] [-- --dpr 2]`: how long after a change in the builder
// the new page 1 is on screen, in Debian's Chromium against the production build (lib/dev/with-app.mjs starts
// the portal as the end-to-end tests do). The full back-spasms guide; changes alternate between ticking a
// section and typing a character in the notes, one at a time, each waited for.
// Every time is taken in the page, on its own clock (performance.now()): from the input event's timestamp
// to the first moment after the frame that shows the new canvas (data-painted-revision changed, then
// requestAnimationFrame, then a message: the frame has been painted). The parts come from the page too:
// Resource Timing for the preview request, and PdfPages's User Timing measures for pdf.js.
import fs from "node:fs";
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import demo from "../../prisma/seed/demo.json" with { type: "json" };

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const CHANGES = option("--changes", 40);
const DPR = option("--dpr", 1);
const WARMUP = 6;
const base = process.env.E2E_BASE_URL;
if (!base) throw new Error("E2E_BASE_URL is not set: run through `npm run bench:preview`");
const log = (m: string) => !json && console.log(m);

const executablePath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
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
const page = await (
  await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, deviceScaleFactor: DPR })
).newPage();

const clinician = demo.users.find((u) => u.email === "clinician@riverside.example")!;
await page.goto("/login");
await page.getByLabel("Email").fill(clinician.email);
await page.getByLabel("Password", { exact: true }).fill(clinician.password);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
await page.goto("/clinics/demo-riverside/handouts/new");
await page.getByRole("link", { name: "Treating Back Spasms: A Comprehensive Guide" }).click();
await page.getByRole("heading", { name: "New handout" }).waitFor();

// The full guide: every section ticked.
const boxes = page.locator('[data-testid="section-picker"] input[type=checkbox], fieldset ol input[type=checkbox]');
for (const box of await boxes.all()) if (!(await box.isDisabled()) && !(await box.isChecked())) await box.check();
const frame = page.locator("[data-testid=handout-preview] [data-painted-revision]");
await frame.waitFor();

await page.evaluate(() => {
  type Paint = { revision: number; committed: number; onScreen: number };
  const bench = {
    armed: false,
    t0: null as number | null,
    lastKey: 0,
    resources: [] as { startTime: number; requestStart: number; responseStart: number; responseEnd: number }[],
    measures: [] as { name: string; start: number; end: number; revision: number }[],
    paints: [] as Paint[],
  };
  (window as unknown as { bench: typeof bench }).bench = bench;
  document.addEventListener("keydown", (e) => (bench.lastKey = e.timeStamp), { capture: true });
  for (const type of ["pointerdown", "keydown", "input", "change"]) {
    document.addEventListener(type, (e) => bench.armed && bench.t0 === null && (bench.t0 = e.timeStamp), {
      capture: true,
    });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[]) {
      if (e.name.includes("/handouts/preview"))
        bench.resources.push({
          startTime: e.startTime,
          requestStart: e.requestStart,
          responseStart: e.responseStart,
          responseEnd: e.responseEnd,
        });
    }
  }).observe({ type: "resource" });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceMeasure[]) {
      if (e.name.startsWith("pdf-pages:"))
        bench.measures.push({
          name: e.name,
          start: e.startTime,
          end: e.startTime + e.duration,
          revision: (e.detail as { revision: number }).revision,
        });
    }
  }).observe({ type: "measure" });
  const el = document.querySelector("[data-testid=handout-preview] [data-painted-revision]")!;
  new MutationObserver(() => {
    const revision = Number(el.getAttribute("data-painted-revision"));
    const committed = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => bench.paints.push({ revision, committed, onScreen: performance.now() });
      channel.port2.postMessage(null);
    });
  }).observe(el, { attributes: true, attributeFilter: ["data-painted-revision"] });
});

const notes = page.getByLabel("Notes for this patient");
const causes = page.getByLabel("Causes", { exact: true });
await notes.fill(
  "Walk 10 minutes twice a day.\n- Heat pack for 15 minutes before stretching\n- Call us if the pain spreads down your leg",
);
const pagesText = await page.getByRole("heading", { name: /^The PDF: \d+ pages?$/ }).textContent({ timeout: 15_000 });

type Sample = {
  kind: string;
  total: number;
  debounce: number;
  request: number;
  server: number;
  transfer: number;
  handoff: number;
  open: number;
  draw: number;
  toScreen: number;
};

async function change(page: Page, i: number): Promise<Sample> {
  const before = Number(await frame.getAttribute("data-painted-revision"));
  await page.evaluate(() => {
    const b = (window as unknown as { bench: { armed: boolean; t0: number | null } }).bench;
    b.t0 = null;
    b.armed = true;
  });
  const kind = i % 2 === 0 ? "tick" : "type";
  if (kind === "tick") await causes.click();
  else if (i % 4 === 1) await notes.press("End").then(() => notes.press("x"));
  else await notes.press("End").then(() => notes.press("Backspace"));
  await page.waitForFunction(
    (rev) =>
      (window as unknown as { bench: { paints: { revision: number }[] } }).bench.paints.some((p) => p.revision > rev),
    before,
    { timeout: 20_000 },
  );
  const b = await page.evaluate(() => {
    const w = (
      window as unknown as {
        bench: {
          armed: boolean;
          t0: number;
          resources: { startTime: number; requestStart: number; responseStart: number; responseEnd: number }[];
          measures: { name: string; start: number; end: number; revision: number }[];
          paints: { revision: number; committed: number; onScreen: number }[];
        };
      }
    ).bench;
    w.armed = false;
    return { t0: w.t0, resources: w.resources, measures: w.measures, paints: w.paints };
  });
  const paint = b.paints.filter((p) => p.revision > before).at(-1)!;
  const res = b.resources.filter((r) => r.startTime >= b.t0).at(-1);
  const open = b.measures.find((m) => m.name === "pdf-pages:open" && m.revision === paint.revision);
  const draw = b.measures.find((m) => m.name === "pdf-pages:draw" && m.revision === paint.revision);
  if (!res || !open || !draw)
    throw new Error(`change ${i}: missing timings (request ${!!res}, open ${!!open}, draw ${!!draw})`);
  return {
    kind,
    total: paint.onScreen - b.t0,
    debounce: res.startTime - b.t0,
    request: res.requestStart - res.startTime,
    server: res.responseStart - res.requestStart,
    transfer: res.responseEnd - res.responseStart,
    handoff: open.start - res.responseEnd,
    open: open.end - open.start,
    draw: draw.end - draw.start,
    toScreen: paint.onScreen - draw.end,
  };
}

const loadBefore = os.loadavg()[0]!;
// Warm-up: the first renders of a render thread and the first pdf.js documents are slower.
for (let i = 0; i < WARMUP; i++) await change(page, i);
const samples: Sample[] = [];
for (let i = 0; i < CHANGES; i++) {
  samples.push(await change(page, i));
  await page.waitForTimeout(150);
}
// Typing a word: five keys 60 ms apart, from the last key to the page that includes it.
const BURSTS = Math.max(5, Math.round(CHANGES / 4));
const bursts: number[] = [];
for (let i = 0; i < BURSTS; i++) {
  await notes.press("End");
  if (i % 2 === 0) await notes.pressSequentially(" walk", { delay: 60 });
  else for (let k = 0; k < 5; k++) await notes.press("Backspace").then(() => page.waitForTimeout(k < 4 ? 60 : 0));
  const latency = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        type B = {
          lastKey: number;
          resources: { startTime: number; responseEnd: number }[];
          paints: { committed: number; onScreen: number }[];
        };
        const b = (window as unknown as { bench: B }).bench;
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const timer = setInterval(() => {
          const res = b.resources.find((r) => r.startTime >= b.lastKey && r.responseEnd > 0);
          const paint = res && b.paints.find((p) => p.committed > res.responseEnd);
          if (!paint) return;
          clearInterval(timer);
          resolve(paint.onScreen - b.lastKey);
        }, 10);
      }),
  );
  bursts.push(latency);
  await page.waitForTimeout(300);
}
// The server alone: the form posted back to back from the page, nothing drawn, so nothing in the browser
// competes with the render for the two cores.
const serverAlone = await page.evaluate(async () => {
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  const form = document.querySelector("form")!;
  const url = location.pathname.replace(/\/new$/, "/preview");
  const full: number[] = [];
  const noRender: number[] = [];
  for (let i = 0; i < 40; i++) {
    const body = new FormData(form);
    // Each a different document, as in the changes above (Causes in or out, the notes one character longer),
    // so nothing the render threads keep from the last render makes it cheaper than a real change.
    body.set("notes", `${body.get("notes")}${"x".repeat(i)}`);
    const keys = body.getAll("sectionKeys").filter((k) => i % 4 < 2 || k !== "causes");
    body.delete("sectionKeys");
    for (const k of keys) body.append("sectionKeys", k);
    // Every other one names an unknown guide version: routing, session and membership checks and one read, then 404.
    if (i % 2) body.set("guideVersionId", "gv_none");
    const t = performance.now();
    const res = await fetch(url, { method: "POST", body });
    (i % 2 ? noRender : full).push(performance.now() - t);
    await res.arrayBuffer();
  }
  return { full, noRender };
});
// Nothing piles up across documents: pdf.js's fonts of replaced documents are gone from the page.
const leftovers = await page.evaluate(() => ({
  fontFaces: document.fonts.size,
  canvases: document.querySelectorAll("canvas").length,
}));
const loadAfter = os.loadavg()[0]!;
await browser.close();

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!);
};
const PARTS = ["debounce", "request", "server", "transfer", "handoff", "open", "draw", "toScreen"] as const;
const LABELS: Record<(typeof PARTS)[number], string> = {
  debounce: "input to request sent (debounce, React)",
  request: "request queued / connection",
  server: "server: auth, reads, PDF render (TTFB)",
  transfer: "response body",
  handoff: "bytes to pdf.js (state, effect)",
  open: "pdf.js open (worker parse)",
  draw: "pdf.js draw page 1",
  toScreen: "swap in, next frame painted",
};
const stat = (k: keyof Sample, of = samples) => ({
  p50: pct(
    of.map((s) => s[k] as number),
    0.5,
  ),
  p95: pct(
    of.map((s) => s[k] as number),
    0.95,
  ),
});
const result = {
  changes: samples.length,
  pages: Number(/(\d+) page/.exec(pagesText ?? "")?.[1] ?? 0),
  devicePixelRatio: DPR,
  p50Ms: stat("total").p50,
  p95Ms: stat("total").p95,
  byKind: {
    tick: stat(
      "total",
      samples.filter((s) => s.kind === "tick"),
    ),
    type: stat(
      "total",
      samples.filter((s) => s.kind === "type"),
    ),
  },
  wordTyped: { runs: bursts.length, p50: pct(bursts, 0.5), p95: pct(bursts, 0.95) },
  partsMs: Object.fromEntries(PARTS.map((k) => [k, stat(k)])),
  serverAloneMs: { p50: pct(serverAlone.full, 0.5), p95: pct(serverAlone.full, 0.95) },
  serverWithoutRenderMs: { p50: pct(serverAlone.noRender, 0.5), p95: pct(serverAlone.noRender, 0.95) },
  leftovers,
  loadAverage: { before: Number(loadBefore.toFixed(1)), after: Number(loadAfter.toFixed(1)), cores: os.cpus().length },
  target: { p50Ms: 400, p95Ms: 800 },
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  log(
    `Builder preview, full back-spasms guide (${result.pages} pages), ${result.changes} changes at ${DPR}x: change to new page 1 on screen`,
  );
  log(
    `  total                                         p50 ${String(result.p50Ms).padStart(4)} ms   p95 ${String(result.p95Ms).padStart(4)} ms   (target 400 / 800)`,
  );
  log(
    `    ticking a section                           p50 ${String(result.byKind.tick.p50).padStart(4)} ms   p95 ${String(result.byKind.tick.p95).padStart(4)} ms`,
  );
  log(
    `    typing in the notes                         p50 ${String(result.byKind.type.p50).padStart(4)} ms   p95 ${String(result.byKind.type.p95).padStart(4)} ms`,
  );
  log(
    `  typing a word, last key to page (${result.wordTyped.runs} runs)   p50 ${String(result.wordTyped.p50).padStart(4)} ms   p95 ${String(result.wordTyped.p95).padStart(4)} ms`,
  );
  log("  where the time goes, per change:");
  for (const k of PARTS)
    log(
      `  ${LABELS[k].padEnd(46)}p50 ${String(result.partsMs[k]!.p50).padStart(4)} ms   p95 ${String(result.partsMs[k]!.p95).padStart(4)} ms`,
    );
  log(
    `  server alone, 20 forms back to back          p50 ${String(result.serverAloneMs.p50).padStart(4)} ms   p95 ${String(result.serverAloneMs.p95).padStart(4)} ms`,
  );
  log(
    `    of which session, membership, one read     p50 ${String(result.serverWithoutRenderMs.p50).padStart(4)} ms   p95 ${String(result.serverWithoutRenderMs.p95).padStart(4)} ms`,
  );
  log(
    `  after the run: ${leftovers.fontFaces} font faces and ${leftovers.canvases} canvas in the page; load average ${result.loadAverage.before} → ${result.loadAverage.after} on ${result.loadAverage.cores} cores`,
  );
}
process.exit(0);
