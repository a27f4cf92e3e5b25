import "server-only";
import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import type { ParseResult } from "@/lib/guides/parse-markdown";

// Parsing a guide is CPU work on text a user chose, through a Markdown library with super-linear corners
// (see input-limits.ts). It runs in its own threads, never on the request thread, with a time and a memory
// limit: a pathological guide costs its importer a clear message after at most PARSE_TIMEOUT_MS, and every
// other request keeps being served meanwhile.
export const PARSE_TIMEOUT_MS = 5_000;
const PARSE_HEAP_MB = 256;

let pool: Piscina | undefined;

function parsePool(): Piscina {
  pool ??= new Piscina({
    filename: path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "guides", "parse-worker.mjs"),
    // No inherited flags: the parser needs none, and "--conditions=react-server" would only confuse tsx.
    execArgv: [],
    minThreads: 1,
    maxThreads: 2,
    maxQueue: 8,
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB, stackSizeMb: 4 },
  });
  return pool;
}

const isAbort = (err: unknown) => err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");

/** Parses Markdown off the request thread; expected failures (too slow, too big, too deep) become AppErrors. */
export async function parseGuideInThread(input: string | Uint8Array, timeoutMs = PARSE_TIMEOUT_MS, images?: Record<string, string>): Promise<ParseResult> {
  try {
    return (await parsePool().run(images && typeof input === "string" ? { markdown: input, images } : input, { signal: AbortSignal.timeout(timeoutMs) })) as ParseResult;
  } catch (err) {
    if (isAbort(err)) {
      throw new AppError(
        "BAD_REQUEST",
        `Reading the guide took longer than ${timeoutMs / 1000} seconds, so it was stopped. It may hold unusual formatting (thousands of brackets, stars or nested quotes): simplify it and try again.`,
      );
    }
    const e = err as { code?: string; name?: string; message?: string };
    if (e.code === "ERR_WORKER_OUT_OF_MEMORY") throw new AppError("BAD_REQUEST", "The guide is too complex to read (it needed too much memory). Simplify its formatting and try again.");
    if (e.name === "RangeError" && /call stack/i.test(e.message ?? "")) throw new AppError("BAD_REQUEST", "The guide is nested too deeply to read (quotes or lists inside each other). Flatten it and try again.");
    if (/queue is at limit|queue is full/i.test(e.message ?? "")) throw new AppError("TOO_MANY_REQUESTS", "Many guides are being read right now. Please try again in a moment.");
    throw err;
  }
}
