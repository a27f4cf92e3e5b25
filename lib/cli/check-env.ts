// Validates the environment with the app's own env module before anything starts; prints one line on error.
// `--production`: the production start (a real DATABASE_URL), which holds NEXTAUTH_SECRET to the production
// rule even under `npm run dev`.
import { EnvError, parseEnv } from "@/lib/env";

try {
  parseEnv(process.env, { production: process.argv.includes("--production") || undefined });
} catch (err) {
  console.error(err instanceof EnvError ? err.message : String(err));
  process.exit(1);
}
