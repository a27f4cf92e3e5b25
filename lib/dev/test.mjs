#!/usr/bin/env node
// `npm test`: every check, in order of speed. Runs them all, then exits non-zero if any failed.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describeNode, withThisNode } from "../cli/node-runtime.mjs";

const bin = (/** @type {string} */ name) => path.resolve("node_modules/.bin", name);
const RESULTS = "test-results";
fs.mkdirSync(RESULTS, { recursive: true });
for (const f of ["unit-results.json", "integration-results.json", "e2e-results.json"])
  fs.rmSync(path.join(RESULTS, f), { force: true });

/** @type {[name: string, cmd: string, args: string[]][]} */
const steps = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  [
    "unit",
    bin("vitest"),
    ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/unit-results.json`],
  ],
  [
    "integration",
    process.execPath,
    [
      "lib/dev/with-db.mjs",
      "--throwaway",
      bin("vitest"),
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${RESULTS}/integration-results.json`,
    ],
  ],
  ["e2e", process.execPath, ["lib/dev/e2e.mjs"]],
];

const only = process.argv.slice(2);
const results = [];
// Every step, and every tool a step starts through its `#!/usr/bin/env node` line, runs on this same Node.
console.log(`tests run on ${describeNode()}`);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    stdio: "inherit",
    env: name === "e2e" ? withThisNode(process.env) : { ...withThisNode(process.env), NODE_ENV: "test" },
  });
  results.push({ name, ok: r.status === 0, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
}

/** @typedef {{ passed: number, failed: number }} Counts */
// Test counts from the runners' JSON reports, so the closing line counts tests, not steps.
/** @param {string} file @param {(report: any) => Counts} pick a runner's own report format @returns {Counts} */
function counts(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(path.join(RESULTS, file), "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
/** @param {any} j */
const vitestCounts = (j) => ({
  passed: j.numPassedTests ?? 0,
  failed: (j.numFailedTests ?? 0) + (j.numTotalTestSuites && j.success === false && !j.numFailedTests ? 1 : 0),
});
/** @param {any} j */
const pwCounts = (j) => ({
  passed: j.stats?.expected ?? 0,
  failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0),
});
const ran = new Set(results.map((r) => r.name));
const totals = [
  ran.has("unit") ? counts("unit-results.json", vitestCounts) : null,
  ran.has("integration") ? counts("integration-results.json", vitestCounts) : null,
  ran.has("e2e") ? counts("e2e-results.json", pwCounts) : null,
].filter((c) => c !== null);

console.log(`\n=== summary (Node ${process.version}) ===`);
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(12)} ${r.seconds}s`);
const failedSteps = results.filter((r) => !r.ok).length;
const passed = totals.reduce((n, c) => n + c.passed, 0);
const failed =
  totals.reduce((n, c) => n + c.failed, 0) + (failedSteps && !totals.some((c) => c.failed) ? failedSteps : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps ? 1 : 0);
