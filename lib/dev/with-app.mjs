#!/usr/bin/env node
// `node lib/dev/with-app.mjs <command…>`: runs a command against the portal as the end-to-end tests see it
// (app-stack.mjs), with E2E_BASE_URL set. Everything the stack prints goes to stderr: the command's stdout is
// its own (bench:preview --json prints one JSON object there).
import { spawn } from "node:child_process";
import { startAppStack } from "./app-stack.mjs";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: node lib/dev/with-app.mjs <command> [args…]");
  process.exit(2);
}
let code = 1;
let stack;
try {
  stack = await startAppStack({ stdout: 2 });
  const child = spawn(cmd, args, { env: stack.env, stdio: "inherit" });
  code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
} catch (err) {
  console.error(`[with-app] ${err instanceof Error ? err.message : err}`);
} finally {
  await stack?.stop();
}
process.exit(code);
