import { describe, expect, it } from "vitest";
import { createGate } from "@/lib/server/admission";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("admission gate", () => {
  it("runs one at a time, in arrival order, and says busy past the waiting limit", async () => {
    const admit = createGate(1, 2);
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const job = (name: string) =>
      admit(async () => {
        most = Math.max(most, ++inside);
        order.push(name);
        await tick();
        inside--;
        return name;
      });
    const runs = [job("a"), job("b"), job("c")];
    await expect(job("d")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
    expect(order).toEqual(["a", "b", "c"]);
    expect(most).toBe(1);
  });

  it("lets the next one in when a run fails", async () => {
    const admit = createGate(1, 5);
    const failing = admit(async () => Promise.reject(new Error("render failed")));
    const next = admit(async () => "ok");
    await expect(failing).rejects.toThrow("render failed");
    expect(await next).toBe("ok");
  });
});
