// Starts the delivery worker (lib/cli/worker.ts) as a child process, stopped with the rest.
import path from "node:path";
import { spawn } from "node:child_process";

export function startWorkerProcess(env, { quiet = false } = {}) {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/worker.ts"], {
    env,
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
