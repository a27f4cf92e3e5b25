// The render threads' own capacity, for tests/bench/cluster.ts: the document a Generate of the bench made,
// rendered straight through a render pool (no web server, no database) by as many threads as servers A and
// B have together, kept busy for the same number of seconds. End-to-end Generate capacity is then compared
// with this figure measured in the same run, so the machine's speed (which swings 2x here) cancels out.
import { createRenderPool, renderThreadCount } from "@/lib/pdf/pool";
import { storedPdfInput } from "@/lib/handouts/stored-input";

export async function renderCapacity(clinicId: string, handoutId: string, servers: number, seconds: number) {
  const input = await storedPdfInput(clinicId, handoutId);
  const threads = servers * renderThreadCount();
  const pool = createRenderPool({ threads, maxQueue: threads * 4 });
  if ((await pool.ready) !== "workers") throw new Error("the render threads did not start");
  // Each thread past its first renders (JIT, caches), as a server's threads are after its warm-up.
  await Promise.all(Array.from({ length: threads * 3 }, () => pool.render(input)));
  const until = Date.now() + seconds * 1000;
  let rendered = 0;
  const started = performance.now();
  // Two in flight per thread: a thread never waits for the next document.
  await Promise.all(
    Array.from({ length: threads * 2 }, async () => {
      while (Date.now() < until) {
        await pool.render(input);
        rendered++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return {
    threads,
    seconds: Math.round(elapsed * 10) / 10,
    rendered,
    perSecond: Math.round((rendered / elapsed) * 10) / 10,
  };
}
