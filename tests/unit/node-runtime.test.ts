import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SUPPORTED_NODE, isSupportedNode, withThisNode } from "@/lib/cli/node-runtime.mjs";
import pkg from "@/package.json";

describe("the Node the portal runs on", () => {
  it("supports what package.json's engines say, and nothing older", () => {
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
    for (const v of ["v22.18.0", "22.23.5", "24.2.0", "v24.22.3", "26.1.0"]) expect(isSupportedNode(v), v).toBe(true);
    for (const v of ["v20.20.2", "22.17.1", "23.11.0", "24.1.0", "18.20.8"]) expect(isSupportedNode(v), v).toBe(false);
  });

  // What keeps `node lib/dev/test.mjs` and `node lib/cli/start.mjs` on one Node when run outside npm: a tool
  // started through its `#!/usr/bin/env node` line finds this process's Node first on PATH.
  it("gives children started as `node` the Node that runs this process", () => {
    const child = spawnSync("node", ["-p", "process.execPath"], {
      env: withThisNode({ PATH: "/usr/bin:/bin", NODE_ENV: "test" as const }),
      encoding: "utf8",
    });
    expect(fs.realpathSync(child.stdout.trim())).toBe(fs.realpathSync(process.execPath));
  });
});
