// `npm run audit:verify`: checks the audit log's hash chains in the database (DATABASE_URL, or the development
// database), every chain from its first row; `npm run audit:verify -- <export.csv | export.jsonl>` checks an
// export (a date range, so it starts where the range starts). Prints the first row that breaks its chain, and
// why, and exits 1; 0 when every row checks. See lib/audit/chain.ts for what is hashed.
import fs from "node:fs";
import pg from "pg";
import { verifyRows, readExport, type Verdict } from "@/lib/audit/verify";
import type { ChainedEvent } from "@/lib/audit/chain";
import { cliDatabaseUrl } from "@/lib/env";
import { reachDatabase } from "@/lib/cli/database.mjs";

type Row = ChainedEvent & { hash: string | null };

async function* databaseRows(client: pg.Client): AsyncGenerator<Row> {
  let after: [string, number] = ["", 0];
  for (;;) {
    const { rows } = await client.query(
      `SELECT id, chain, "chainSeq", "prevHash", hash, "createdAt", "clinicId", "actorId", action, "targetType", "targetId", metadata, ip, "userAgent"
       FROM "AuditEvent" WHERE chain IS NOT NULL AND (chain, "chainSeq") > ($1, $2) ORDER BY chain, "chainSeq" LIMIT 5000`,
      after,
    );
    if (rows.length === 0) return;
    for (const r of rows) yield { ...r, createdAt: (r.createdAt as Date).toISOString() } as Row;
    const last = rows.at(-1)!;
    after = [last.chain, last.chainSeq];
  }
}

function report(what: string, v: Verdict, extra = ""): number {
  if (v.firstBreak) {
    const b = v.firstBreak;
    console.error(
      `${what}: the chain "${b.chain}" is broken at row ${b.chainSeq} (id ${b.id}): ${b.reason}. ${v.rows} rows checked before it.`,
    );
    return 1;
  }
  console.log(`${what}: ${v.rows} rows in ${v.chains} chain${v.chains === 1 ? "" : "s"}, every hash checks.${extra}`);
  return 0;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (file) {
    const format = /\.jsonl?$/i.test(file) ? "jsonl" : "csv";
    const verdict = await verifyRows(readExport(fs.createReadStream(file, "utf8"), format), { anchored: true });
    return report(
      file,
      verdict,
      " (an export starts where its range starts: its first row is taken on its word for the row before)",
    );
  }
  const url = cliDatabaseUrl();
  await reachDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const verdict = await verifyRows(databaseRows(client));
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, max("createdAt") AS last FROM "AuditEvent" WHERE chain IS NULL`,
    );
    const before = rows[0].n
      ? ` ${rows[0].n} older rows (up to ${(rows[0].last as Date).toISOString()}) were stored before the chain began and are not covered.`
      : "";
    return report("the database", verdict, before);
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`audit:verify: ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  },
);
