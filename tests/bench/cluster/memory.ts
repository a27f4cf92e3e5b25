// A web server's memory under steady Generate load, for tests/bench/cluster.ts: its RSS (the process with its
// render threads, from /proc) sampled every 5 s while clinicians generate there without pause; the figure
// after the first minute is the baseline, growth is the end against it.
import fs from "node:fs";
import type { Replay } from "./replay";
import type { WebServer } from "./stack.mjs";

const rssMb = (pid: number) => {
  const kb = /^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Math.round(Number(kb) / 1024);
};

export async function rssUnderGenerate(
  server: WebServer,
  cookie: string,
  replay: Replay,
  clinicians: number,
  minutes: number,
) {
  const pid = server.child.pid!;
  const startMb = rssMb(pid);
  const until = Date.now() + minutes * 60_000;
  let handouts = 0;
  let failed = 0;
  const samples: { s: number; mb: number }[] = [];
  const t0 = Date.now();
  const sampler = setInterval(() => samples.push({ s: Math.round((Date.now() - t0) / 1000), mb: rssMb(pid) }), 5000);
  await Promise.all(
    Array.from({ length: clinicians }, async () => {
      while (Date.now() < until) {
        const r = await replay(server.base, cookie);
        if (r.ok) handouts++;
        else failed++;
      }
    }),
  );
  clearInterval(sampler);
  const endMb = rssMb(pid);
  const atMinute1 = samples.find((x) => x.s >= 60)?.mb ?? samples.at(-1)?.mb ?? endMb;
  return {
    server: server.name,
    minutes,
    clinicians,
    handouts,
    failed,
    startMb,
    atMinute1Mb: atMinute1,
    endMb,
    peakMb: Math.max(endMb, ...samples.map((x) => x.mb)),
    growthPercent: Math.round(((endMb - atMinute1) / atMinute1) * 1000) / 10,
  };
}
