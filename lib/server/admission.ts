import "server-only";
import { createFairQueue } from "@/lib/server/fair-queue";

export type GateOptions = {
  /**
   * Tests only: admitted runs wait until this many calls have arrived (or `holdMs` passed), so a burst is
   * counted against the waiting line whatever the machine's speed (tests/e2e/busy.spec.ts).
   */
  holdUntilArrived?: number;
  holdMs?: number;
};

const MAX_WAIT_MS = 60_000;

/**
 * At most `limit` runs of `fn` at a time in this process; the rest wait their turn, each clinic in its own
 * line, served in turn (lib/server/fair-queue.ts), and past `maxWaiting` (half of it for one clinic) the
 * caller is told the service is busy. Generate does much of its work on the request thread (the guide, the
 * transaction with the PDF, the handout page it redirects to): with twenty at once, every page of the portal
 * waited behind them. Admitted one or two at a time they take as long in all, and a page opened meanwhile
 * waits for one of them at most (tests/bench/cluster.ts).
 */
export function createGate(limit: number, maxWaiting: number, options: GateOptions = {}) {
  const queue = createFairQueue({
    slots: limit,
    perTenantRunning: limit,
    perTenantWaiting: Math.max(1, Math.ceil(maxWaiting / 2)),
    maxWaiting,
    maxWaitMs: MAX_WAIT_MS,
    busyMessage: "The PDF service is busy. Please try again in a moment.",
  });
  let arrived = 0;
  let release: () => void = () => undefined;
  const held = options.holdUntilArrived
    ? new Promise<void>((resolve) => {
        release = resolve;
        setTimeout(resolve, options.holdMs ?? MAX_WAIT_MS).unref();
      })
    : null;
  return async function admit<T>(tenant: string, fn: () => Promise<T>): Promise<T> {
    if (++arrived >= (options.holdUntilArrived ?? 0)) release();
    const done = await queue.acquire(tenant);
    try {
      if (held) await held;
      return await fn();
    } finally {
      done();
    }
  };
}
