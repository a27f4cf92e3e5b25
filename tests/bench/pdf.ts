// `npm run bench:pdf [-- --json]`: how fast the full back-spasms handout (all sections, notes, logo) renders.
// Figures: cold first render, warm p50/p95 over 50 renders (and the same document the plain way, without the
// new pagination engine, for a noise-proof ratio), handouts per second through the worker pool with 1 and 2
// threads, peak RSS, and RSS growth over 300 renders. A benchmark, not a test: it prints, it does not judge.
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { Piscina } from "piscina";
import { renderToBuffer } from "@react-pdf/renderer";
import { HandoutDocument } from "@/lib/pdf/document";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { sampleInput } from "@/tests/support/sample-handout";
import { solidPng } from "@/tests/support/png";

const json = process.argv.includes("--json");
const input = sampleInput({ branding: { ...sampleInput().branding, logoPng: solidPng(300, 100, [29, 78, 137]) } });
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

// "plain": react-pdf's own renderToBuffer with the classic pagination engine, for the ratio.
const plainRender = () => renderToBuffer(createElement(HandoutDocument, { input, fastPagination: false }) as Parameters<typeof renderToBuffer>[0]);

async function timed(n: number, fast: boolean) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await (fast ? renderHandoutPdf(input) : plainRender());
    times.push(performance.now() - t);
    sampleRss();
  }
  return times;
}

// Worker-pool throughput, measured first while this process is still small; RSS added per thread.
async function throughput(threads: number, docs: number) {
  const base = process.memoryUsage().rss;
  const pool = new Piscina({ filename: path.join(process.cwd(), "lib/pdf/worker.mjs"), execArgv: [], minThreads: threads, maxThreads: threads });
  await Promise.all(Array.from({ length: threads * 2 }, () => pool.run(input)));
  const t = performance.now();
  await Promise.all(Array.from({ length: docs }, () => pool.run(input)));
  const seconds = (performance.now() - t) / 1000;
  const perThread = (process.memoryUsage().rss - base) / threads;
  await pool.destroy();
  return { perSec: docs / seconds, perThread };
}

const one = await throughput(1, 40);
const two = await throughput(2, 40);

const t0 = performance.now();
const first = await renderHandoutPdf(input);
const coldMs = performance.now() - t0;
sampleRss();

const warm = await timed(50, true);
const plain = await timed(50, false);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
await timed(300, true);
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const inProcessPeak = peakRss;

const result = {
  coldMs: Math.round(coldMs),
  warmP50Ms: Math.round(pct(warm, 50)),
  warmP95Ms: Math.round(pct(warm, 95)),
  plainWarmP50Ms: Math.round(pct(plain, 50)),
  ratioToPlain: Math.round((pct(warm, 50) / pct(plain, 50)) * 100) / 100,
  docsPerSec1: Math.round(one.perSec * 10) / 10,
  docsPerSec2: Math.round(two.perSec * 10) / 10,
  peakRssMb: mb(inProcessPeak),
  rssPerWorkerMb: mb(Math.max(one.perThread, two.perThread)),
  heapGrowthOver300Mb: mb(heapAfter - heapBefore),
  pages: first.pages,
  cores: os.availableParallelism(),
  node: process.version,
};

if (json) {
  console.log(JSON.stringify(result));
} else {
  const rows: [string, string][] = [
    ["cold first render", `${result.coldMs} ms`],
    ["warm p50 (50 renders)", `${result.warmP50Ms} ms`],
    ["warm p95 (50 renders)", `${result.warmP95Ms} ms`],
    ["plain renderToBuffer p50", `${result.plainWarmP50Ms} ms`],
    ["ratio to plain", `${result.ratioToPlain}`],
    ["handouts/s, 1 worker", `${result.docsPerSec1}`],
    ["handouts/s, 2 workers", `${result.docsPerSec2}`],
    ["RSS added per pool worker", `${result.rssPerWorkerMb} MB`],
    ["peak RSS, in-process renders", `${result.peakRssMb} MB`],
    ["heap growth over 300 renders", `${result.heapGrowthOver300Mb} MB`],
    ["pages", `${result.pages}`],
  ];
  console.log(`PDF benchmark: full back-spasms handout with notes and logo (${result.cores} cores, Node ${result.node})\n`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(34)} ${v.padStart(10)}`);
}
process.exit(0);
