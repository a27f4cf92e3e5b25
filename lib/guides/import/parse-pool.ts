import "server-only";
import path from "node:path";
import { Piscina } from "piscina";
import { AppError } from "@/lib/errors";
import { createFairQueue } from "@/lib/server/fair-queue";
import type { ParseResult } from "@/lib/guides/import/parse-markdown";

// Parsing a guide is CPU work on text a user chose, through a Markdown library with super-linear corners
// (see input-limits.ts). It runs in its own threads, never on the request thread, with a time and a memory
// limit: a pathological guide costs its importer a clear message after at most PARSE_TIMEOUT_MS of parsing,
// and every other request keeps being served meanwhile. Clinics wait in lines of their own and one clinic
// holds at most one of the two threads (lib/server/fair-queue.ts), so its slow guides never hold up another
// clinic's draft save; the time limit starts when the guide gets its thread.
export const PARSE_TIMEOUT_MS = 5_000;
const PARSE_HEAP_MB = 256;
const THREADS = 2;
const BUSY = "Many guides are being read right now. Please try again in a moment.";

let pool: Piscina | undefined;
const queue = createFairQueue({
  slots: THREADS,
  perTenantWaiting: 32,
  maxWaiting: 64,
  maxWaitMs: 30_000,
  busyMessage: BUSY,
});
let anonymous = 0;

function parsePool(): Piscina {
  pool ??= new Piscina({
    filename: path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "guides", "import", "parse-thread.mjs"),
    // No inherited flags: the parser needs none, and "--conditions=react-server" would only confuse tsx.
    execArgv: [],
    // Both threads from the start: a thread's first parse loads the parser through tsx (~0.5 s), which
    // would otherwise fall on whichever clinic first needs the second one.
    minThreads: THREADS,
    maxThreads: THREADS,
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB, stackSizeMb: 4 },
  });
  return pool;
}

const isAbort = (err: unknown) => err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");

/** Who the work is for (the clinic; none for the command line), and its limit once it runs. */
export type ThreadCall = { tenant?: string; timeoutMs?: number };

/**
 * Runs a task in the parse threads, waiting its clinic's turn; expected failures (too slow, too big, too
 * deep, busy) become AppErrors. `what` names the work in the time-limit message.
 */
export async function runInParseThread<T>(
  task: unknown,
  call: ThreadCall = {},
  what = "Reading the guide",
): Promise<T> {
  const timeoutMs = call.timeoutMs ?? PARSE_TIMEOUT_MS;
  const release = await queue.acquire(call.tenant ?? `anonymous:${anonymous++}`);
  try {
    return (await parsePool().run(task, { signal: AbortSignal.timeout(timeoutMs) })) as T;
  } catch (err) {
    if (isAbort(err)) {
      throw new AppError(
        "BAD_REQUEST",
        `${what} took longer than ${timeoutMs / 1000} seconds, so it was stopped. It may hold unusual formatting (thousands of brackets, stars or nested quotes): simplify it and try again.`,
      );
    }
    const e = err as { code?: string; name?: string; message?: string };
    if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
      throw new AppError(
        "BAD_REQUEST",
        "The guide is too complex to read (it needed too much memory). Simplify its formatting and try again.",
      );
    if (e.name === "RangeError" && /call stack/i.test(e.message ?? ""))
      throw new AppError(
        "BAD_REQUEST",
        "The guide is nested too deeply to read (quotes or lists inside each other). Flatten it and try again.",
      );
    throw err;
  } finally {
    release();
  }
}

/** Stops the parse threads (a command that is done with them; a server keeps them for its life). */
export async function closeParsePool(): Promise<void> {
  const running = pool;
  pool = undefined;
  await running?.destroy();
}

/** Parses Markdown off the request thread, with the pictures it may name (`images`: reference → image id). */
export function parseGuideInThread(
  input: string | Uint8Array,
  call: ThreadCall & { images?: Record<string, string> } = {},
): Promise<ParseResult> {
  const { images, ...rest } = call;
  return runInParseThread<ParseResult>(images && typeof input === "string" ? { markdown: input, images } : input, rest);
}
