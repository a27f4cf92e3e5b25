// What Prisma sends, read where it leaves: every statement the pg driver adapter hands to node-postgres,
// with its parameters, so the bench can EXPLAIN exactly the SQL the portal's query functions produce.
import pg from "pg";

export type Statement = { text: string; values: unknown[] };

let recording: Statement[] | null = null;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  if (recording && typeof config === "object" && config.text)
    recording.push({ text: config.text, values: config.values ?? (args[1] as unknown[]) ?? [] });
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** The statements `fn` sent, in order. */
export async function captureSql(fn: () => Promise<unknown>): Promise<Statement[]> {
  recording = [];
  try {
    await fn();
    return recording;
  } finally {
    recording = null;
  }
}

const WATCHED = /Seq Scan on "(Handout|HandoutPdf|AuditEvent|Section|PatientLink|Delivery|InsightDay|InsightOpenDay)"/;

/** EXPLAIN (ANALYZE, BUFFERS) of a read; writes (the search's audit event) are not run twice. */
export async function explain(client: pg.Client, s: Statement): Promise<{ plan: string; seqScan: boolean } | null> {
  if (!/^\s*(SELECT|WITH)\b/i.test(s.text)) return null;
  const { rows } = await client.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
    s.values as unknown[],
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  return { plan, seqScan: WATCHED.test(plan) };
}
