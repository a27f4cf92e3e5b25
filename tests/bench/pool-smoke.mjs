// `node tests/bench/pool-smoke.mjs`: does the PDF worker pool work when bundled the way `next build` bundles a
// route handler? lib/pdf/pool.ts is bundled with the "react-server" condition (so "server-only" resolves to
// its empty server build), piscina and react-pdf stay external (next.config.js serverExternalPackages), and
// the bundle is loaded by plain Node in production mode from the project folder, with no tsx in this thread.
// It then checks that the threads start, render the full back-spasms handout, take parallel work, and that a
// pool whose worker file is missing falls back to rendering in-process. Exits non-zero on any failure.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

Object.assign(process.env, { NODE_ENV: "production" });
const root = process.cwd();
// Inside the project, so the bundle resolves its external packages from node_modules as .next/ chunks do.
const outfile = path.join(root, "node_modules", ".cache", `pdf-pool-smoke-${process.pid}.mjs`);

/** @type {import("esbuild").Plugin} */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bundled =
        args.path === "server-only" ||
        args.path.startsWith("@/") ||
        args.path.startsWith(".") ||
        path.isAbsolute(args.path);
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

await build({
  stdin: {
    contents: `export { createRenderPool, renderInPool, warmPdfPool } from "@/lib/pdf/pool";
export { sampleInput } from "@/tests/support/sample-handout";
export { solidPng } from "@/tests/support/png";`,
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["react-server"],
  jsx: "automatic",
  tsconfig: path.join(root, "tsconfig.json"),
  plugins: [externalPackages],
  outfile,
  logLevel: "error",
});

/** @type {{ step: string, ms: number, detail: unknown }[]} */
const steps = [];
/** @param {string} name @param {() => Promise<unknown>} fn */
const step = async (name, fn) => {
  const t = performance.now();
  const detail = await fn();
  steps.push({ step: name, ms: Math.round(performance.now() - t), detail: detail ?? "" });
};

let exitCode = 1;
try {
  const { createRenderPool, renderInPool, warmPdfPool, sampleInput, solidPng } = await import(
    pathToFileURL(outfile).href
  );
  const input = sampleInput({ logoPng: solidPng(300, 100, [29, 78, 137]) });

  await step("warm-up: threads load and render a throw-away PDF", async () => {
    assert.equal(await warmPdfPool(), "workers");
    return "mode=workers";
  });
  await step("first handout through renderInPool", async () => {
    const pdf = await renderInPool(input);
    assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok(pdf.pages >= 2, `expected several pages, got ${pdf.pages}`);
    return `${pdf.pages} pages, ${pdf.bytes.length} bytes`;
  });
  await step("8 handouts in parallel", async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => renderInPool(input)));
    assert.equal(new Set(all.map((p) => p.sha256)).size, 1, "the same input must give the same bytes");
    return "identical bytes";
  });
  await step("missing worker file: falls back to in-process rendering", async () => {
    const warn = console.warn;
    let warned = "";
    console.warn = (msg) => (warned += msg);
    try {
      const broken = createRenderPool({ threads: 1, workerFile: path.join(root, "lib", "pdf", "no-such-worker.mjs") });
      assert.equal(await broken.ready, "in-process");
      const pdf = await broken.render(input);
      assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
      await broken.close();
    } finally {
      console.warn = warn;
    }
    assert.match(warned, /rendering in the server process instead/);
    return "warned and rendered";
  });
  console.table(steps);
  console.log("pool smoke test passed");
  exitCode = 0;
} catch (err) {
  console.table(steps);
  console.error("pool smoke test FAILED:", err);
} finally {
  fs.rmSync(outfile, { force: true });
}
// The shared pool's threads would keep the process alive.
process.exit(exitCode);
