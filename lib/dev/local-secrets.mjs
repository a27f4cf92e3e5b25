// Secrets the local setup needs, generated on first start and kept under .data/ (git-ignored),
// so a restart keeps sessions and the embedded database password stays stable.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");

export function localSecrets() {
  const file = path.join(DATA_DIR, "secrets.json");
  let secrets = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = false;
  for (const key of ["NEXTAUTH_SECRET", "PG_PASSWORD"]) {
    if (!secrets[key]) {
      secrets[key] = crypto.randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
