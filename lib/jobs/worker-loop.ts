import "server-only";
import { env } from "@/lib/env";
import { claimNextAccountEmail, processAccountEmail } from "@/lib/accounts/account-emails";
import { claimNextDelivery, eraseExpiredRecipients, processDelivery } from "@/lib/deliveries/send";
import { purgeOldDrafts } from "@/lib/handout-drafts/mutations";
import { claimNextFiling, processFiling } from "@/lib/ehr/filing";

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });
}

/**
 * The worker loop: account emails (resets, invites) first, since someone is waiting at a screen for them,
 * then handout deliveries, then filings to clinics' EHRs; sleeps when the queues are empty; erases old patient addresses and old drafts hourly. On abort
 * it finishes the job in hand and returns.
 */
export async function runWorker(signal: AbortSignal, log: (msg: string) => void = console.log) {
  let nextErase = 0;
  while (!signal.aborted) {
    try {
      if (Date.now() >= nextErase) {
        const erased = await eraseExpiredRecipients();
        if (erased) log(`erased the addresses of ${erased} old deliveries`);
        const purged = await purgeOldDrafts();
        if (purged) log(`deleted ${purged} drafts untouched for a week`);
        nextErase = Date.now() + 3_600_000;
      }
      const account = await claimNextAccountEmail();
      if (account) {
        log(
          `account email ${account.id} (${account.kind.toLowerCase()}): ${await processAccountEmail(account)} (attempt ${account.attempts})`,
        );
        continue;
      }
      const job = await claimNextDelivery();
      if (job) {
        log(`delivery ${job.id}: ${await processDelivery(job)} (attempt ${job.attempts})`);
        continue;
      }
      const filing = await claimNextFiling();
      if (filing) {
        log(`chart filing ${filing.id} (${filing.key}): ${await processFiling(filing)} (attempt ${filing.attempts})`);
        continue;
      }
    } catch (err) {
      log(`worker error: ${err instanceof Error ? err.message : err}`);
    }
    await sleep(env().WORKER_POLL_MS, signal);
  }
}
