// How much of the machine a benchmark really had. On a shared virtual machine the host can take CPU time
// from the guest ("steal"), and this one's figures then swing by 2× between runs of the same code; the share
// of CPU time stolen during a run says whether its absolute figures can be compared with another run's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { WEB_SERVER_NODE_FLAGS } from "@/lib/server/node-flags.mjs";

type CpuTimes = { steal: number; total: number };

function readCpuTimes(): CpuTimes | null {
  try {
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks since boot.
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null; // not Linux
  }
}

/** Starts counting; the function it returns gives the percentage of CPU time stolen since (null off Linux). */
export function measureSteal(): () => number | null {
  const start = readCpuTimes();
  return () => {
    const end = readCpuTimes();
    if (!start || !end || end.total === start.total) return null;
    return Math.round((1000 * (end.steal - start.steal)) / (end.total - start.total)) / 10;
  };
}

/**
 * Runs this benchmark again under the web server's Node flags (lib/server/node-flags.mjs), unless it already
 * runs under them, and exits with its status: a bench that renders in its own process must share the cores
 * with V8's background threads as the server does.
 */
export function runLikeTheWebServer(): void {
  const missing = WEB_SERVER_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length === 0) return;
  const run = spawnSync(process.execPath, [...process.execArgv, ...missing, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}
