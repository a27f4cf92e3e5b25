// The start's configuration check (lib/cli/portal.mjs runs it once, before anything starts), with the app's
// own env module; prints one line on error. `--production`: the production start (a real DATABASE_URL),
// which also needs APP_URL and holds NEXTAUTH_SECRET to the production rule, even under `npm run dev`.
import { EnvError, parseDeploymentEnv, parseEnv } from "@/lib/env";

try {
  if (process.argv.includes("--production")) parseDeploymentEnv(process.env);
  else parseEnv(process.env);
} catch (err) {
  console.error(err instanceof EnvError ? err.message : String(err));
  process.exit(1);
}
