import "server-only";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import { createFairQueue } from "@/lib/server/fair-queue";
import { renderEnv } from "@/lib/env";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";
import type { RenderedPdf, RenderOptions } from "@/lib/pdf/types";

// Rendering is CPU-bound (~35-50 ms per warm handout, tests/bench/pdf.ts): it runs in worker threads, one
// per core (at most four, each holds ~140 MB, ~235 MB once it has read every font), so requests keep flowing
// while PDFs are made. A full queue answers "busy" instead of piling up, and a render that hangs is cut off
// (its thread is replaced).
const MAX_THREADS = 4;
const QUEUE_PER_THREAD = 32;
const RENDER_TIMEOUT_MS = 20_000;
// Longest a render may wait for a free thread before the clinician is told the service is busy.
const MAX_WAIT_MS = 30_000;
// A thread that has not loaded and warmed up by then is taken to be broken.
const START_TIMEOUT_MS = 60_000;
// A render that needs more than this is a bug or a hostile input: the thread dies, the request fails, the
// pool starts a fresh thread. A full handout peaks near 60 MB of heap.
const MAX_HEAP_MB = 192;
// The young generation stays at what V8 chose on Node 20 (16 MB semi-spaces): Node 24 chooses 64 MB ones,
// which let a render's ~60 MB of short-lived objects die without being copied but take a thread past the
// 250 MB budget (tests/bench/pdf.ts on Node 24: 292-294 MB, 165-178 MB with this) for little speed: a warm
// render's CPU time p50 32 ms, 32-36 ms with this (Node 20: 36-40 ms).
const MAX_YOUNG_MB = 48;
/** Heap limits of a render thread; the bench gives its own threads the same. */
export const RENDER_THREAD_LIMITS = { maxOldGenerationSizeMb: MAX_HEAP_MB, maxYoungGenerationSizeMb: MAX_YOUNG_MB };

/** How many render threads this process has (or will have): one per core, at most four. */
export const renderThreadCount = () => Math.max(1, Math.min(MAX_THREADS, os.availableParallelism()));

const BUSY_MESSAGE = "The PDF service is busy. Please try again in a moment.";

/** One render: `signal` (the request went away: a render still waiting is dropped) and the clinic it is for. */
export type RenderCall = RenderOptions & { signal?: AbortSignal; tenant?: string };

export type RenderPoolOptions = {
  threads?: number;
  maxQueue?: number;
  timeoutMs?: number;
  workerFile?: string;
  nice?: number;
};

export type RenderPool = {
  readonly threads: number;
  /** "workers" once a thread has loaded and rendered its warm-up; "in-process" when threads cannot start. */
  readonly ready: Promise<"workers" | "in-process">;
  render(input: HandoutPdfInput, call?: RenderCall): Promise<RenderedPdf>;
  close(): Promise<void>;
};

// Loaded by path at run time, like the worker: importing render.ts here would put react-pdf's React tree
// into the Next server bundle, where the react-server build of React cannot render it.
async function renderHere(input: HandoutPdfInput, options: RenderOptions): Promise<RenderedPdf> {
  const file = pathToFileURL(path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "pdf", "in-process.mjs")).href;
  const renderer = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ /* @vite-ignore */ file)) as {
    renderHandoutPdf: (i: HandoutPdfInput, o: RenderOptions) => Promise<RenderedPdf>;
  };
  return renderer.renderHandoutPdf(input, options);
}

const isAbort = (err: unknown) => err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const threads = options.threads ?? renderThreadCount();
  const maxQueue = options.maxQueue ?? threads * QUEUE_PER_THREAD;
  const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  // Built at run time from the working directory so the bundler leaves the worker file alone.
  const filename =
    options.workerFile ?? path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "pdf", "render-thread.mjs");

  let piscina: Piscina | null = null;
  let ready: Promise<"workers" | "in-process">;
  const fallBack = (err: unknown) => {
    console.warn(
      `[pdf] render threads could not start (${err instanceof Error ? err.message : String(err)}); rendering in the server process instead`,
    );
    const broken = piscina;
    piscina = null;
    void broken?.destroy().catch(() => undefined);
    return "in-process" as const;
  };
  try {
    piscina = new Piscina({
      filename,
      // No inherited flags: a parent's "--conditions=react-server" would give react-pdf the server React.
      execArgv: [],
      minThreads: threads,
      maxThreads: threads,
      maxQueue,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      resourceLimits: RENDER_THREAD_LIMITS,
      // Each thread lowers its own CPU priority by this much, so pages are served before renders (lib/server/thread-priority.mjs).
      workerData: { nice: options.nice ?? renderEnv().PDF_RENDER_NICE },
    });
    // Without a listener, an error escaping a thread would crash the server.
    piscina.on("error", (err: unknown) => console.error("[pdf] render thread failed:", err));
    // Tasks wait for a thread's module (tsx, react-pdf, fonts, warm-up render) to load; a module that fails
    // to load would leave them waiting forever, so one check settles which way this pool renders.
    ready = piscina
      .run(null, { name: "ready", signal: AbortSignal.timeout(START_TIMEOUT_MS) })
      .then(() => "workers" as const, fallBack);
  } catch (err) {
    ready = Promise.resolve(fallBack(err));
  }

  const busy = () => new AppError("TOO_MANY_REQUESTS", BUSY_MESSAGE);

  // In-process renders (the fallback) take turns; render.ts serializes them, this caps the wait.
  let waitingHere = 0;
  async function renderInProcess(input: HandoutPdfInput, options: RenderOptions): Promise<RenderedPdf> {
    if (waitingHere >= maxQueue) throw busy();
    waitingHere++;
    try {
      return await renderHere(input, options);
    } finally {
      waitingHere--;
    }
  }

  // Renders wait here, not in piscina's queue, so the time limit of each counts its own rendering only (in
  // piscina's queue it also counted the wait: under a burst, the tail of the queue was cut off as "too
  // slow" before it had started). Each clinic waits in its own line (at most half the queue) and holds at
  // most all threads but one (lib/server/fair-queue.ts), so one clinic's burst never holds up another's preview.
  const queue = createFairQueue({
    slots: threads,
    perTenantWaiting: Math.max(1, Math.ceil(maxQueue / 2)),
    maxWaiting: maxQueue,
    maxWaitMs: MAX_WAIT_MS,
    busyMessage: BUSY_MESSAGE,
  });
  let anonymous = 0;

  async function render(input: HandoutPdfInput, call: RenderCall = {}): Promise<RenderedPdf> {
    const { signal, tenant, ...options } = call;
    if ((await ready) === "in-process" || !piscina) return renderInProcess(input, options);
    // Work with no clinic (benchmarks, smoke tests) is not held to a clinic's share.
    const release = await queue.acquire(tenant ?? `anonymous:${anonymous++}`, signal);
    let result: { bytes: Uint8Array; pages: number; sha256: string };
    try {
      result = await piscina.run({ input, options }, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if (isAbort(err))
        throw new Error(`The PDF took longer than ${Math.round(timeoutMs / 1000)} s to render and was stopped.`, {
          cause: err,
        });
      throw err;
    } finally {
      release();
    }
    // Buffers arrive from the thread as plain Uint8Arrays.
    return {
      bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength),
      pages: result.pages,
      sha256: result.sha256,
    };
  }

  return {
    threads,
    get ready() {
      return ready;
    },
    render,
    async close() {
      await ready;
      await piscina?.destroy();
      piscina = null;
    },
  };
}

// One pool per server process; kept on globalThis so a dev-server reload does not start another set of threads.
const shared = globalThis as typeof globalThis & { handoutPdfPool?: RenderPool };

function sharedPool(): RenderPool {
  shared.handoutPdfPool ??= createRenderPool({ maxQueue: renderEnv().PDF_QUEUE_LIMIT });
  return shared.handoutPdfPool;
}

/**
 * Starts the render threads (each does a throw-away render) so no clinician waits for a cold start. Call it
 * at boot; the promise (never rejected) says whether the threads or the fallback will render.
 */
export function warmPdfPool(): Promise<"workers" | "in-process"> {
  return sharedPool().ready;
}

/** Renders a handout off the request thread. Throws AppError("TOO_MANY_REQUESTS") when the queue is full. */
export function renderInPool(input: HandoutPdfInput, call?: RenderCall): Promise<RenderedPdf> {
  return sharedPool().render(input, call);
}
