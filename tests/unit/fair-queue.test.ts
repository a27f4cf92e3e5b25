import { describe, expect, it } from "vitest";
import { createFairQueue, type FairQueueOptions } from "@/lib/server/fair-queue";

const options = (o: Partial<FairQueueOptions> = {}): FairQueueOptions => ({
  slots: 2,
  perTenantWaiting: 4,
  maxWaiting: 8,
  maxWaitMs: 60_000,
  busyMessage: "busy",
  ...o,
});
const settled = () => new Promise((r) => setImmediate(r));

describe("fair queue between clinics", () => {
  it("gives one clinic all threads but one: another clinic's task starts at once while the first clinic waits", async () => {
    const q = createFairQueue(options());
    const a1 = await q.acquire("a");
    let a2Started = false;
    const a2 = q.acquire("a").then((release) => ((a2Started = true), release));
    await settled();
    expect(a2Started).toBe(false);
    const b1 = await q.acquire("b");
    expect(q.running).toBe(2);
    b1();
    await settled();
    expect(a2Started).toBe(false);
    a1();
    (await a2)();
    expect(q.running).toBe(0);
  });

  it("serves the clinics' lines in turn, not in arrival order", async () => {
    const q = createFairQueue(options({ slots: 1, perTenantRunning: 1 }));
    const first = await q.acquire("a");
    const order: string[] = [];
    const waits = ["a", "a", "a", "b", "c"].map((t, i) =>
      q.acquire(t).then((release) => (order.push(`${t}${i}`), release())),
    );
    first();
    await Promise.all(waits);
    expect(order).toEqual(["a0", "b3", "c4", "a1", "a2"]);
  });

  it("says busy past a clinic's share of the waiting line, while another clinic can still wait", async () => {
    const q = createFairQueue(options({ slots: 1, perTenantWaiting: 2, maxWaiting: 3 }));
    const running = await q.acquire("a");
    const runNow = (p: Promise<() => void>) => p.then((release) => release());
    const waiting = [runNow(q.acquire("a")), runNow(q.acquire("a"))];
    await expect(q.acquire("a")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: "busy" });
    const b = runNow(q.acquire("b"));
    await expect(q.acquire("c")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    running();
    await Promise.all([...waiting, b]);
    expect(q.running + q.waiting).toBe(0);
  });

  it("drops a task whose request went away, and one that waited too long", async () => {
    const q = createFairQueue(options({ slots: 1, maxWaitMs: 20 }));
    const running = await q.acquire("a");
    const controller = new AbortController();
    const aborted = q.acquire("b", controller.signal);
    controller.abort(new Error("gone"));
    await expect(aborted).rejects.toThrow("gone");
    await expect(q.acquire("c")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(q.waiting).toBe(0);
    running();
    running();
    expect(q.running).toBe(0);
  });
});
