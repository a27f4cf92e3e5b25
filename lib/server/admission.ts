import "server-only";
import { AppError } from "@/lib/errors";

export type GateOptions = {
  /**
   * Tests only: admitted runs wait until this many calls have arrived (or `holdMs` passed), so a burst is
   * counted against the waiting line whatever the machine's speed (tests/e2e/busy.spec.ts).
   */
  holdUntilArrived?: number;
  holdMs?: number;
};

/**
 * At most `limit` runs of `fn` at a time in this process; the rest wait their turn (first come, first
 * served), and past `maxWaiting` the caller is told the service is busy. Generate does much of its work on
 * the request thread (the guide, the transaction with the PDF, the handout page it redirects to): with twenty
 * at once, every page of the portal waited behind them. Admitted one or two at a time they take as long in
 * all, and a page opened meanwhile waits for one of them at most (tests/bench/cluster.ts).
 */
export function createGate(limit: number, maxWaiting: number, options: GateOptions = {}) {
  let running = 0;
  const waiting: (() => void)[] = [];
  let arrived = 0;
  let release: () => void = () => undefined;
  const held = options.holdUntilArrived
    ? new Promise<void>((resolve) => {
        release = resolve;
        setTimeout(resolve, options.holdMs ?? 60_000).unref();
      })
    : null;
  return async function admit<T>(fn: () => Promise<T>): Promise<T> {
    if (++arrived >= (options.holdUntilArrived ?? 0)) release();
    if (running >= limit) {
      if (waiting.length >= maxWaiting) throw new AppError("TOO_MANY_REQUESTS", "The PDF service is busy. Please try again in a moment.");
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running++;
    try {
      if (held) await held;
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
