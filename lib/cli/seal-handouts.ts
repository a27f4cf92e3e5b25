// Part of `npm run db:migrate` (and of every development start): seals each handout made before seals
// existed from what it shows today (lib/handouts/seal.ts). Handouts made since are sealed as they are made,
// so after the first run this finds none. Run as the migration role, like the rest of that step.
import { createDbClient } from "@/lib/db-client";
import { cliDatabaseUrl } from "@/lib/env";
import { sealUnsealedHandouts } from "@/lib/handouts/printed-record";

async function main() {
  const db = createDbClient(cliDatabaseUrl(), 2);
  try {
    const sealed = await sealUnsealedHandouts(db);
    console.log(
      sealed
        ? `[migrate] sealed ${sealed} handout${sealed === 1 ? "" : "s"} made before handouts were sealed`
        : "[migrate] every handout is sealed",
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`[migrate] sealing handouts failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
