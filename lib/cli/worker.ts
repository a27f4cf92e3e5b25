// `npm run worker`: the email worker (handout deliveries, password resets, invites) as its own process. Run
// as many as you like, on any machine that reaches the database and the mail server; they share the queues
// safely. SIGINT/SIGTERM: finish the email in hand, then exit.
import { reachDatabase } from "@/lib/cli/database.mjs";
import { runWorker } from "@/lib/jobs/worker-loop";
import { cliDatabaseUrl, env } from "@/lib/env";

async function main() {
  await reachDatabase(cliDatabaseUrl());
  env();
  const controller = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => controller.abort());
  console.log("[worker] sending queued emails");
  await runWorker(controller.signal, (m) => console.log(`[worker] ${m}`));
  process.exit(0);
}

main().catch((err) => {
  console.error(`[worker] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
