// Secrets the local setup needs, generated on first start and kept in the data folder (.data/, git-ignored),
// so a restart keeps sessions and the embedded database password stays stable.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const KEYS = /** @type {const} */ (["NEXTAUTH_SECRET", "DATA_ENCRYPTION_KEY", "PG_PASSWORD"]);

/**
 * @param {string} dataDir
 * @returns {Record<(typeof KEYS)[number], string>}
 */
export function localSecrets(dataDir) {
  const file = path.join(dataDir, "secrets.json");
  /** @type {Record<string, string>} */
  const secrets = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const key of KEYS) {
    if (!secrets[key]) {
      secrets[key] = crypto.randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return /** @type {Record<(typeof KEYS)[number], string>} */ (secrets);
}
