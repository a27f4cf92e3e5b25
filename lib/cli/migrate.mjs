// `prisma migrate deploy`, finished as soon as Prisma reports success: its wasm engine leaves a timer that
// keeps the process idle for ~10 s after the work is done.
import path from "node:path";
import { spawn } from "node:child_process";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * @param {NodeJS.ProcessEnv} env with DATABASE_URL
 * @param {{ quiet?: boolean }} [options] quiet: on failure, no copy of Prisma's whole output on stderr
 * @returns {Promise<string>} Prisma's output
 */
export function migrateDeploy(env, { quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("lib/cli/prisma.mjs"), "migrate", "deploy"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      if (!done && DONE.test(output)) {
        done = true;
        child.kill("SIGTERM");
        resolve(output);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      if (done) return;
      if (code === 0) return resolve(output);
      if (!quiet) process.stderr.write(output);
      reject(
        new Error(
          `prisma migrate deploy failed:\n${
            output
              .split("\n")
              .filter((l) => /error|P\d{4}/i.test(l))
              .join("\n") || output
          }`,
        ),
      );
    });
  });
}
