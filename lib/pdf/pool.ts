import "server-only";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import type { HandoutPdfInput, RenderedPdf } from "@/lib/pdf/types";

// Rendering is CPU-bound (~100-250 ms per handout): it runs in worker threads, one per core, so requests
// keep flowing while PDFs are made. A full queue answers "busy" instead of piling up.
const RENDER_TIMEOUT_MS = 20_000;
const MAX_QUEUE = 64;
// react-pdf keeps a little memory per render (~0.3 MB, see tests/bench/pdf.ts); fresh threads every few
// hundred renders keep a long-running server flat. The old pool finishes its work before it closes.
const RENDERS_PER_POOL = 400;

let pool: Piscina | undefined;
let rendersOnPool = 0;

function createPool(): Piscina {
  const threads = Math.max(1, Math.min(4, os.availableParallelism()));
  // Built at run time so the bundler leaves the worker file alone.
  const filename = path.join(process.cwd(), ["lib", "pdf", "worker.mjs"].join(path.sep));
  // execArgv: [] keeps a parent's "--conditions=react-server" (the CLI's) out of the threads: react-pdf needs the client React.
  return new Piscina({ filename, execArgv: [], minThreads: threads, maxThreads: threads, maxQueue: MAX_QUEUE, idleTimeout: 60 * 60_000 });
}

function getPool(): Piscina {
  if (pool && rendersOnPool >= RENDERS_PER_POOL) {
    const old = pool;
    pool = undefined;
    void old.close().catch(() => old.destroy());
  }
  if (!pool) {
    pool = createPool();
    rendersOnPool = 0;
  }
  return pool;
}

/** Starts the render threads (each does a warm-up render) so the first handout is fast. */
export function warmPdfPool(): void {
  getPool();
}

export async function renderInPool(input: HandoutPdfInput): Promise<RenderedPdf> {
  const current = getPool();
  rendersOnPool++;
  let result: { bytes: Uint8Array; pages: number; sha256: string };
  try {
    result = await current.run(input, { signal: AbortSignal.timeout(RENDER_TIMEOUT_MS) });
  } catch (err) {
    if (err instanceof Error && /queue is full/i.test(err.message)) {
      throw new AppError("TOO_MANY_REQUESTS", "The PDF service is busy. Please try again in a moment.");
    }
    throw err;
  }
  // Buffers arrive from the worker as plain Uint8Arrays.
  return { bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength), pages: result.pages, sha256: result.sha256 };
}
