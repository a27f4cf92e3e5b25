// Validates the environment with the app's own env module before anything starts; prints one line on error.
import { EnvError, parseEnv } from "@/lib/env";

try {
  parseEnv(process.env);
} catch (err) {
  console.error(err instanceof EnvError ? err.message : String(err));
  process.exit(1);
}
