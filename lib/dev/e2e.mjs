#!/usr/bin/env node
// End-to-end run: the portal with a throwaway database, mail catcher and production server (app-stack.mjs),
// then Playwright in Debian's Chromium.
import path from "node:path";
import { spawn } from "node:child_process";
import { startAppStack } from "./app-stack.mjs";

let code = 1;
let stack;
try {
  stack = await startAppStack({ log: (m) => console.log(`[e2e] ${m}`) });
  // Async: the SMTP catcher in this process must keep answering while the specs run.
  const pw = spawn(path.resolve("node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)], {
    env: stack.env,
    stdio: "inherit",
  });
  code = await new Promise((resolve) => pw.on("exit", (c) => resolve(c ?? 1)));
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
} finally {
  await stack?.stop();
}
process.exit(code);
