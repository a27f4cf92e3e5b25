// `npm run worker`: the delivery worker as its own process. Run as many as you like, on any machine that
// reaches the database and the mail server; they share the queue safely.
import { runDeliveryWorker } from "@/lib/deliveries/worker";
import { env } from "@/lib/env";

async function main() {
  env();
  const controller = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => controller.abort());
  console.log("[worker] delivering queued handout emails");
  await runDeliveryWorker(controller.signal, (m) => console.log(`[worker] ${m}`));
  process.exit(0);
}

main().catch((err) => {
  console.error(`[worker] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
