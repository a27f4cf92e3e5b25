// Render threads run at a lower CPU priority than the request thread and the database. A render is ~100 ms of
// pure CPU; with one thread per core, twenty clinicians generating at once kept both cores busy and every page
// of the portal waited its turn behind them (handouts list p95 TTFB 522 ms, from 29 ms idle). Linux schedules
// threads, not processes, and accepts a thread id where setpriority(2) takes a pid, so a render thread can
// lower its own priority: pages are then served first, and renders still get every cycle nobody else wants.
// Raising a nice value needs no privilege. Threads a render thread starts later (tsx's module-loader thread)
// inherit its value; libuv's shared pool was started by the server's main thread before, at normal priority.
// Elsewhere (no /proc/thread-self) threads keep the default.
import fs from "node:fs";
import os from "node:os";

export const DEFAULT_RENDER_NICE = 10;

/** Lowers the calling thread's priority to `nice` (0 leaves it as it is); returns the value now in effect. */
export function lowerThreadPriority(nice = DEFAULT_RENDER_NICE) {
  if (!nice) return 0;
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    os.setPriority(tid, Math.max(os.getPriority(tid), nice));
    return os.getPriority(tid);
  } catch {
    return 0;
  }
}
