// Rebuilds the production bundle only when a source file changed since the last build.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { launchEnv } from "../launch-env.mjs";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const STAMP = ".next/portal-build-fingerprint";

/** @param {NodeJS.ProcessEnv} env */
function fingerprint(env) {
  const hash = crypto.createHash("sha256");
  const walk = (/** @type {string} */ p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort())
        if (name !== "node_modules" && name !== "cli" && name !== "dev") walk(path.join(p, name));
    } else {
      hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  INPUTS.forEach(walk);
  // next.config.js decides some headers from these at build time.
  hash.update(`https:${(launchEnv(env).APP_URL ?? "").startsWith("https://")}\n`);
  return hash.digest("hex");
}

/**
 * `production`: an existing build is used as it is (deployments run `npm run build` themselves, and may have
 * pruned the build tools since); only a missing one is made.
 * @param {NodeJS.ProcessEnv} env
 * @param {(msg: string) => void} log
 * @param {{ production?: boolean, stdout?: "inherit" | "ignore" | 2 }} [options]
 */
export async function buildIfNeeded(env, log, { production = false, stdout = "inherit" } = {}) {
  if (production && fs.existsSync(".next/BUILD_ID")) return;
  const fp = fingerprint(env);
  if (fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fp) return;
  log("building the portal (first start or sources changed; ~30 s)…");
  const r = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    env: { ...env, NODE_ENV: "production" },
    stdio: ["inherit", stdout, "inherit"],
  });
  if (r.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(STAMP, fp);
}
