// Percentiles and time to first byte, for tests/bench/cluster.ts.
export type Percentiles = { n: number; p50Ms: number; p95Ms: number };

export function percentiles(ms: number[]): Percentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN);
  return { n: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/**
 * Opens `urls` in turn, one at a time with a 100 ms pause (a clinician clicking, not a load test), for
 * `durationMs`: the time from sending each request to its response's headers (TTFB). A page that does not
 * answer 200 is an error, not a sample.
 */
export async function sampleTtfb(
  urls: string[],
  cookie: string,
  durationMs: number,
): Promise<Percentiles & { errors: number }> {
  const until = Date.now() + durationMs;
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; Date.now() < until; i++) {
    const t = performance.now();
    const res = await fetch(urls[i % urls.length]!, { headers: { cookie }, redirect: "manual" });
    const ttfb = performance.now() - t;
    await res.arrayBuffer();
    if (res.status === 200) times.push(ttfb);
    else errors++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...percentiles(times), errors };
}
