import { describe, expect, it } from "vitest";
import { createGate } from "@/lib/server/admission";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("admission gate", () => {
  it("runs one at a time, in arrival order for one clinic, and says busy past the clinic's share of the line", async () => {
    const admit = createGate(1, 4);
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const job = (name: string, clinic = "a") =>
      admit(clinic, async () => {
        most = Math.max(most, ++inside);
        order.push(name);
        await tick();
        inside--;
        return name;
      });
    const runs = [job("a"), job("b"), job("c")];
    await expect(job("d")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another clinic still gets a place in the line, and its turn comes before the first clinic's next one.
    runs.push(job("e", "other"));
    expect(await Promise.all(runs)).toEqual(["a", "b", "c", "e"]);
    expect(order).toEqual(["a", "b", "e", "c"]);
    expect(most).toBe(1);
  });

  it("lets the next one in when a run fails", async () => {
    const admit = createGate(1, 5);
    const failing = admit("a", async () => Promise.reject(new Error("render failed")));
    const next = admit("a", async () => "ok");
    await expect(failing).rejects.toThrow("render failed");
    expect(await next).toBe("ok");
  });

  it("holds admitted runs until the configured number of calls has arrived (tests only)", async () => {
    const admit = createGate(1, 10, { holdUntilArrived: 3 });
    let ran = 0;
    const first = admit("a", async () => ++ran);
    await tick();
    expect(ran).toBe(0);
    const rest = [admit("a", async () => ++ran), admit("b", async () => ++ran)];
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3]);
  });
});
