import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "../support/source-files";

// Configuration is read in one place: lib/env.ts for the app and lib/launch-env.mjs for the launchers (whose
// schema lib/env.ts extends), so every variable is validated, defaulted and documented once. Elsewhere code
// may hand the whole environment on to a child process (`{ ...process.env }`, `env: process.env`) or set a
// variable a tool reads, but not read one.
const ENV_MODULES = ["lib/env.ts", "lib/launch-env.mjs"];
// Tools that load these files themselves, before any module of ours (and the postinstall line npm runs).
const TOOL_CONFIGS: Record<string, string> = {
  "next.config.js": "APP_URL, at build time: whether to send HSTS",
  "prisma.config.ts": "DATABASE_URL, for the Prisma CLI",
  "playwright.config.ts": "CHROMIUM_PATH and E2E_BASE_URL, for the end-to-end runner",
  "lib/cli/node-runtime.mjs": "npm_config_user_agent, which npm sets for postinstall: the Node npm itself runs on",
};

/** Reads of a variable in `text`: `process.env.X` (not an assignment to it), `process.env[…]`, `{ X } = process.env`. */
function envReads(text: string): string[] {
  const reads = [...text.matchAll(/process\.env(\.[A-Za-z_$][\w$]*(?![\w$]|\s*=[^=>])|\s*\[[^\]]*\])/g)].map(
    (m) => m[0],
  );
  const destructured = [...text.matchAll(/\}\s*=\s*process\.env\b/g)].map((m) => m[0]);
  return [...reads, ...destructured];
}

describe("environment reads", () => {
  it("finds a read and lets an assignment or a hand-on pass", () => {
    expect(envReads(`const port = Number(process.env.PORT ?? 3000);`)).toEqual(["process.env.PORT"]);
    expect(envReads(`const { HOST } = process.env;`)).toEqual(["} = process.env"]);
    expect(envReads(`const v = process.env["DEMO_DATA"];`)).toEqual([`process.env["DEMO_DATA"]`]);
    expect(envReads(`if (process.env.X === "1") f();`)).toEqual(["process.env.X"]);
    expect(
      envReads(
        `process.env.PG_NATIVE_BIN_DIR = dir; spawn(cmd, { env: { ...process.env, A: "1" } }); start(process.env);`,
      ),
    ).toEqual([]);
  });

  it("happen only in the env modules (and the tool configs that tools load themselves)", () => {
    const files = sourceFiles(".", "app", "components", "lib", "prisma");
    expect(files).toEqual(
      expect.arrayContaining([...ENV_MODULES, "lib/cli/web-server.mjs", "lib/cli/portal.mjs", "lib/dev/start.mjs"]),
    );
    const stray = files
      .filter((f) => !ENV_MODULES.includes(f) && !(f in TOOL_CONFIGS))
      .flatMap((file) => envReads(readSource(file)).map((read) => `${file}: ${read}`));
    expect(stray).toEqual([]);
  });
});
