// `npm run fhir:bundle -- <handoutId>`: prints a handout's chart copy, the FHIR R4 transaction Bundle that
// "Download for the chart" gives (lib/fhir/bundle.ts), made from the stored PDF's bytes (never re-rendered),
// for a clinic whose EHR imports files or whose interface engine posts it. `--binary` puts the PDF in a Binary
// entry instead of inline. Uses DATABASE_URL; in development, that of the running `npm start`.
import { createDbClient } from "@/lib/db-client";
import { cliDatabaseUrl, env } from "@/lib/env";
import { chartBundle } from "@/lib/fhir/bundle";
import { readChartSource } from "@/lib/handouts/queries";
import { reachDatabase } from "@/lib/cli/database.mjs";

const USAGE = "usage: npm run fhir:bundle -- <handoutId> [--binary]";

async function main() {
  const args = process.argv.slice(2);
  const handoutId = args.find((a) => !a.startsWith("--"));
  if (!handoutId) throw new Error(USAGE);
  const databaseUrl = cliDatabaseUrl();
  await reachDatabase(databaseUrl);
  const db = createDbClient(databaseUrl, 2);
  try {
    const source = await readChartSource(handoutId, undefined, db);
    const bundle = chartBundle({
      ...source,
      binary: args.includes("--binary"),
      ctx: { portalBaseUrl: env().APP_URL, clinicName: source.clinicName, authorName: source.authorName },
    });
    process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`fhir:bundle: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
