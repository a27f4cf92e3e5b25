// A render thread for tests/bench/pdf.ts. Unlike lib/pdf/render-thread.mjs it does no warm-up render, so the first
// render it is given is a true cold one, and it can time renders, render the plain way, and report memory.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { register } from "tsx/esm/api";

const loadStart = performance.now();
register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const load = (/** @type {string} */ file) => import(pathToFileURL(path.join(process.cwd(), file)).href);
const { createElement } = await import("react");
const { renderToBuffer } = await import("@react-pdf/renderer");
const { renderHandoutPdf, countPages } = await load("lib/pdf/render.ts");
const { HandoutDocument } = await load("lib/pdf/document.tsx");
const { registerFonts } = await load("lib/pdf/fonts.ts");
const { warmUp: warmUpWith } = await load("lib/pdf/warmup.ts");
const loadMs = performance.now() - loadStart;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

// "plain": react-pdf's own renderToBuffer with its classic pagination engine, as a document would be made
// without this project's renderer (fonts still registered once).
/** @param {unknown} input */
async function renderPlain(input) {
  registerFonts();
  // HandoutDocument comes through load() untyped; it renders a <Document>.
  const bytes = await renderToBuffer(
    /** @type {any} */ (createElement(HandoutDocument, { input, fastPagination: false })),
  );
  return { bytes, pages: countPages(bytes) };
}

// This thread's time on a CPU and waiting for one, in ms since it started (Linux: the scheduler's own
// account; time the host stole from the machine is in neither). Null elsewhere.
function schedstat() {
  try {
    const [onCpu = NaN, waiting = NaN] = fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
    return { cpu: onCpu / 1e6, wait: waiting / 1e6 };
  } catch {
    return null;
  }
}

/** One timed render. @param {{ input: unknown, plain?: boolean, firstPageOnly?: boolean }} job */
export default async function render({ input, plain = false, firstPageOnly = false }) {
  const before = schedstat();
  const t = performance.now();
  const result = plain ? await renderPlain(input) : await renderHandoutPdf(input, { firstPageOnly });
  const ms = performance.now() - t;
  const after = schedstat();
  return {
    ms,
    pages: result.pages,
    cpuMs: after && before ? after.cpu - before.cpu : null,
    waitMs: after && before ? after.wait - before.wait : null,
  };
}

/** The app's boot warm-up (lib/pdf/render-thread.mjs), done the given way. */
/** @param {{ plain?: boolean }} options */
export async function warmUp({ plain = false }) {
  await warmUpWith(plain ? renderPlain : renderHandoutPdf);
}

export function loaded() {
  return { loadMs };
}

/** This thread's heap after a full collection (RSS is the whole process's). */
export function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, rss: m.rss };
}
