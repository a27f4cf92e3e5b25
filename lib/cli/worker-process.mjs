// Starts the email worker (lib/cli/worker.ts) as a child process in its own process group, stopped with the
// rest: SIGTERM lets it finish the email in hand.
import { spawn } from "node:child_process";
import { tsxArgs } from "./tsx.mjs";

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {{ quiet?: boolean }} [options]
 */
export function startWorkerProcess(env, { quiet = false } = {}) {
  const child = spawn(process.execPath, tsxArgs("lib/cli/worker.ts"), {
    env,
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
    detached: true,
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {}
  };
  process.on("exit", () => child.exitCode === null && killGroup());
  return {
    child,
    /** @returns {Promise<void>} */
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(killGroup, 30_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
