import "server-only";
import { AppError } from "@/lib/errors";

/**
 * At most `limit` runs of `fn` at a time in this process; the rest wait their turn (first come, first
 * served), and past `maxWaiting` the caller is told the service is busy. Generate does much of its work on
 * the request thread (the guide, the transaction with the PDF, the handout page it redirects to): with twenty
 * at once, every page of the portal waited behind them. Admitted one or two at a time they take as long in
 * all, and a page opened meanwhile waits for one of them at most (tests/bench/cluster.ts).
 */
export function createGate(limit: number, maxWaiting: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function admit<T>(fn: () => Promise<T>): Promise<T> {
    if (running >= limit) {
      if (waiting.length >= maxWaiting) throw new AppError("TOO_MANY_REQUESTS", "The PDF service is busy. Please try again in a moment.");
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
