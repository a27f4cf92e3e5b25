#!/usr/bin/env node
// `npm run db:migrate`: applies the database migrations (prisma migrate deploy), seals any handout that has
// no seal yet, then brings the shared library guides shipped with this release up to date. Run it, as the
// migration role, before starting a new release; `npm start` on a real database refuses to start while
// migrations are pending. (In development `npm start` migrates its own database; with it running, this
// applies a new migration to that database through .data/dev.env.)
import { spawnSync } from "node:child_process";
import { commandDatabaseUrl } from "../launch-env.mjs";
import { reachDatabase } from "./database.mjs";
import { migrateDeploy } from "./migrate.mjs";
import { tsxArgs } from "./tsx.mjs";

try {
  await reachDatabase(commandDatabaseUrl());
  const out = await migrateDeploy(process.env, { quiet: false });
  console.log(
    /No pending migrations/.test(out)
      ? "[migrate] the database was already up to date"
      : "[migrate] migrations applied",
  );
} catch (err) {
  console.error(`[migrate] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
// Handouts made before seals existed get theirs (lib/cli/seal-handouts.ts); later ones were sealed when made.
const seal = spawnSync(process.execPath, tsxArgs("lib/cli/seal-handouts.ts"), { stdio: "inherit" });
if (seal.status !== 0) process.exit(1);
const seed = spawnSync(process.execPath, tsxArgs("prisma/seed/library.ts"), { stdio: "inherit" });
if (seed.status !== 0) {
  console.error("[migrate] updating the shared library guides failed");
  process.exit(1);
}
console.log("[migrate] shared library guides up to date");
