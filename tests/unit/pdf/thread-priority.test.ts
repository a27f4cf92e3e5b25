import os from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { lowerThreadPriority } from "@/lib/server/thread-priority.mjs";

// A thread of its own, as a render thread is: its priority goes down, the rest of the process keeps its own.
function inThread(nice: number): Promise<{ own: number; seen: number }> {
  const url = new URL("../../../lib/server/thread-priority.mjs", import.meta.url).href;
  const code = `const { parentPort } = require("node:worker_threads");
    import(${JSON.stringify(url)}).then((m) => parentPort.postMessage({ own: m.lowerThreadPriority(${nice}), seen: require("node:os").getPriority(Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop())) }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    w.once("message", (m) => void w.terminate().then(() => resolve(m)));
    w.once("error", reject);
  });
}

describe.runIf(process.platform === "linux")("render thread priority", () => {
  it("lowers only the calling thread", async () => {
    const before = os.getPriority();
    expect(await inThread(10)).toEqual({ own: 10, seen: 10 });
    expect(os.getPriority()).toBe(before);
  });

  it("0 leaves the thread as it is", async () => {
    expect((await inThread(0)).seen).toBe(os.getPriority());
    expect(lowerThreadPriority(0)).toBe(0);
  });
});
