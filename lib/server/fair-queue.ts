import { AppError } from "@/lib/errors";

// Worker threads are shared by every clinic on a server. A plain first-come queue lets one clinic that sends
// slow work (a 900 KB table to parse, a burst of renders) hold every thread and fill the queue, so another
// clinic's small request waits seconds or is refused. Here each clinic ("tenant") waits in a line of its own,
// the lines are served in turn, and no tenant holds more than `perTenantRunning` threads at once: with two
// threads one clinic gets one of them and the other stays free for everyone else. Time limits start when
// a task gets its thread (`acquire` resolves), so waiting never counts as slowness.

export type FairQueueOptions = {
  /** Threads (tasks that may run at once). */
  slots: number;
  /** Most a tenant may run at once; default: all but one slot (at least one). */
  perTenantRunning?: number;
  /** Most a tenant may have waiting; past it, and past `maxWaiting` in all, the caller is told "busy". */
  perTenantWaiting: number;
  maxWaiting: number;
  /** Longest a task may wait for its thread before "busy". */
  maxWaitMs: number;
  busyMessage: string;
};

type Waiter = { tenant: string; start: () => void; timer: NodeJS.Timeout };

export type FairQueue = {
  /** Resolves with a release function once the task may run; throws AppError("TOO_MANY_REQUESTS") when full. */
  acquire(tenant: string, signal?: AbortSignal): Promise<() => void>;
  readonly running: number;
  readonly waiting: number;
};

export function createFairQueue(options: FairQueueOptions): FairQueue {
  const perTenantRunning = options.perTenantRunning ?? Math.max(1, options.slots - 1);
  const lines = new Map<string, Waiter[]>();
  const runningBy = new Map<string, number>();
  let running = 0;
  let waiting = 0;
  const busy = () => new AppError("TOO_MANY_REQUESTS", options.busyMessage);

  const canRun = (tenant: string) => running < options.slots && (runningBy.get(tenant) ?? 0) < perTenantRunning;

  function take(tenant: string) {
    running++;
    runningBy.set(tenant, (runningBy.get(tenant) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      const left = runningBy.get(tenant)! - 1;
      if (left === 0) runningBy.delete(tenant);
      else runningBy.set(tenant, left);
      dispatch();
    };
  }

  // Serves the lines in turn: the first line whose tenant may run goes, then moves to the back (Map order).
  function dispatch() {
    for (const [tenant, line] of lines) {
      if (running >= options.slots) return;
      if (!canRun(tenant)) continue;
      const next = line.shift()!;
      waiting--;
      lines.delete(tenant);
      if (line.length > 0) lines.set(tenant, line);
      clearTimeout(next.timer);
      next.start();
    }
  }

  function leave(entry: Waiter) {
    const line = lines.get(entry.tenant);
    const i = line?.indexOf(entry) ?? -1;
    if (!line || i < 0) return false;
    line.splice(i, 1);
    waiting--;
    if (line.length === 0) lines.delete(entry.tenant);
    clearTimeout(entry.timer);
    return true;
  }

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting;
    },
    async acquire(tenant, signal) {
      signal?.throwIfAborted();
      if (canRun(tenant) && !lines.has(tenant)) return take(tenant);
      if (waiting >= options.maxWaiting || (lines.get(tenant)?.length ?? 0) >= options.perTenantWaiting) throw busy();
      return new Promise<() => void>((resolve, reject) => {
        const onAbort = () => leave(entry) && reject(signal!.reason);
        const entry: Waiter = {
          tenant,
          start: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(take(tenant));
          },
          timer: setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            if (leave(entry)) reject(busy());
          }, options.maxWaitMs),
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        const line = lines.get(tenant) ?? [];
        line.push(entry);
        lines.set(tenant, line);
        waiting++;
      });
    },
  };
}
