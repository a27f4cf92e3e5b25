import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors";
import { createRenderPool, type RenderPool } from "@/lib/pdf/pool";
import { renderHandoutPdf } from "@/lib/pdf/render";
import { sampleInput } from "@/tests/support/sample-handout";

// The pool as the app uses it: real worker threads loading lib/pdf/render-thread.mjs through tsx.
const pools: RenderPool[] = [];
const make = (...args: Parameters<typeof createRenderPool>) => {
  const pool = createRenderPool(...args);
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe("the PDF render pool", () => {
  it("renders in a worker thread, with the same bytes as an in-process render", async () => {
    const pool = make({ threads: 1 });
    expect(await pool.ready).toBe("workers");
    const input = sampleInput({}, ["symptoms", "treatment"]);
    const [inWorker, here] = await Promise.all([pool.render(input), renderHandoutPdf(input)]);
    expect(Buffer.isBuffer(inWorker.bytes)).toBe(true);
    expect(inWorker.sha256).toBe(here.sha256);
    expect(inWorker.pages).toBe(here.pages);
  }, 60_000);

  // Pages before renders (lib/server/thread-priority.mjs): the nice value of each thread of this process, from
  // /proc. Each render thread has its own (and so has the module-loader thread tsx starts inside it); every
  // thread that was there before keeps its own.
  it.runIf(process.platform === "linux")(
    "runs its threads below the rest of the process",
    async () => {
      const niceByThread = () =>
        new Map(
          fs.readdirSync("/proc/self/task").map((tid) => {
            const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
            return [tid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])] as const;
          }),
        );
      const before = niceByThread();
      const pool = make({ threads: 2, nice: 7 });
      expect(await pool.ready).toBe("workers");
      const after = niceByThread();
      const added = [...after].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
      expect(added.filter((n) => n === 7).length).toBeGreaterThanOrEqual(2);
      for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
      expect(os.getPriority()).toBe(0);
    },
    60_000,
  );

  it("answers 'busy' when its queue is full", async () => {
    const pool = make({ threads: 1, maxQueue: 1 });
    await pool.ready;
    const input = sampleInput({}, ["symptoms"]);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.render(input)));
    const busy = results.filter(
      (r) => r.status === "rejected" && isAppError(r.reason) && r.reason.code === "TOO_MANY_REQUESTS",
    );
    expect(busy.length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  }, 60_000);

  it("stops a render that takes too long", async () => {
    const pool = make({ threads: 1, timeoutMs: 5 });
    await pool.ready;
    await expect(pool.render(sampleInput())).rejects.toThrow(/longer than/);
  }, 60_000);

  it("falls back to rendering in-process, with a warning, when the threads cannot start", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const pool = make({ threads: 1, workerFile: path.join(process.cwd(), "lib", "pdf", "no-such-worker.mjs") });
      expect(await pool.ready).toBe("in-process");
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rendering in the server process instead/));
      const pdf = await pool.render(sampleInput({}, ["symptoms"]));
      expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      warn.mockRestore();
    }
  }, 60_000);
});
