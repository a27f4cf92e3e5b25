// `npm run bench:audit-export` (`-- --json`, `-- --rows N`): an owner's audit export of 1,000,000 events
// (target: streamed in ≤ 60 s with the process's RSS ≤ 100 MB above where it started). Builds one clinic's
// chain of N events on a throwaway PostgreSQL, hashed as recordAudit hashes them, then reads the export's
// stream (the route hands the same stream to the browser) as CSV and as JSON lines, sampling RSS every 50 ms,
// and checks every row of the CSV with the verifier (lib/audit/verify.ts). Prints the host's CPU steal.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import pg from "pg";
import { measureSteal } from "./machine";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";

const json = process.argv.includes("--json");
const total = Number(process.argv[process.argv.indexOf("--rows") + 1]) || 1_000_000;
const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
const steal = measureSteal();

const { db } = await import("@/lib/db");
const { chainOf, eventHash, GENESIS_HASH } = await import("@/lib/audit/chain");
const { exportAuditLog } = await import("@/lib/audit/export");
const { readExport, verifyRows } = await import("@/lib/audit/verify");
const { createClinicWithMembers } = await import("@/prisma/seed/factories");
const { as } = await import("../integration/helpers");

const c = await createClinicWithMembers(db, "Audit Export Clinic");
const chain = chainOf(c.clinic.id);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

log(`building a chain of ${total.toLocaleString("en-US")} events…`);
const built = performance.now();
const start = Date.now() - total * 20;
const actions = ["handout.generated", "handout.viewed", "link.opened", "delivery.sent", "template.created"];
let prev = GENESIS_HASH;
const BATCH = 10_000;
for (let from = 0; from < total; from += BATCH) {
  const cols: (string | number | null)[][] = Array.from({ length: 12 }, () => []);
  for (let i = from; i < Math.min(total, from + BATCH); i++) {
    const e = {
      id: `aud_${crypto.randomUUID().replace(/-/g, "")}`,
      chain,
      chainSeq: i + 1,
      prevHash: prev,
      createdAt: new Date(start + i * 20).toISOString(),
      clinicId: c.clinic.id,
      actorId: c.clinician.id,
      action: actions[i % actions.length]!,
      targetType: "handout",
      targetId: `h${i % 5000}`,
      metadata: i % 3 === 0 ? { pages: 4, template: i % 2 ? null : "Back spasm: first visit" } : null,
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/150",
    };
    const hash = eventHash(e);
    prev = hash;
    [
      e.id,
      e.chain,
      e.chainSeq,
      e.prevHash,
      hash,
      e.createdAt,
      e.clinicId,
      e.actorId,
      e.action,
      e.targetId,
      e.metadata === null ? null : JSON.stringify(e.metadata),
      e.userAgent,
    ].forEach((v, k) => cols[k]!.push(v));
  }
  await client.query(
    `INSERT INTO "AuditEvent" (id, chain, "chainSeq", "prevHash", hash, "createdAt", "clinicId", "actorId", action, "targetType", "targetId", metadata, ip, "userAgent")
     SELECT id, chain, seq, prev, hash, at::timestamp, clinic, actor, action, 'handout', target, meta::jsonb, '203.0.113.7', ua
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       AS t(id, chain, seq, prev, hash, at, clinic, actor, action, target, meta, ua)`,
    cols,
  );
}
await client.query(`ANALYZE "AuditEvent"`);
log(`built in ${Math.round((performance.now() - built) / 1000)} s`);

const ctx = await as(c.owner.id, c.clinic.id);
let range = { from: new Date(start - 86_400_000), to: new Date(Date.now() + 86_400_000) };
const results: Record<string, unknown> = { rows: total };
async function readAll(format: "csv" | "jsonl", onChunk?: (text: string) => void) {
  const reader = (await exportAuditLog(ctx, range, format)).getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    onChunk?.(decoder.decode(value, { stream: true }));
  }
}

// A running server has loaded and compiled the export's code before: warm it up on a short range first.
const fullRange = range;
range = { from: new Date(start - 86_400_000), to: new Date(start + 20 * 20_000) };
for (const format of ["csv", "jsonl"] as const) await readAll(format);
range = fullRange;

// The export as the server streams it: the process's RSS above where it started, sampled every 50 ms.
for (const format of ["csv", "jsonl"] as const) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const bytes = await readAll(format);
  clearInterval(sampler);
  const seconds = (performance.now() - t) / 1000;
  const growthMb = Math.round((Math.max(peak, process.memoryUsage().rss) - before) / 1024 / 1024);
  results[format] = {
    seconds: Math.round(seconds * 10) / 10,
    megabytes: Math.round(bytes / 1024 / 1024),
    rssGrowthMb: growthMb,
  };
  log(
    `export ${format}: ${total.toLocaleString("en-US")} events, ${Math.round(bytes / 1024 / 1024)} MB in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s), RSS +${growthMb} MB at most`,
  );
}

// Then what an auditor runs on the file: every row of each format checked (npm run audit:verify -- <file>).
for (const format of ["csv", "jsonl"] as const) {
  const t = performance.now();
  const stream = new Readable({ read() {} });
  const reading = readAll(format, (text) => stream.push(text)).then(() => stream.push(null));
  const verdict = await verifyRows(readExport(stream.setEncoding("utf8"), format), { anchored: true });
  await reading;
  const seconds = (performance.now() - t) / 1000;
  results[`verify_${format}`] = {
    seconds: Math.round(seconds * 10) / 10,
    rows: verdict.rows,
    firstBreak: verdict.firstBreak,
  };
  log(
    `verify ${format}: ${verdict.rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s, ${verdict.firstBreak ? `broken at row ${verdict.firstBreak.chainSeq}` : "every hash checks"}`,
  );
}
results.hostStealPercent = steal();
log(`host CPU steal during the run: ${results.hostStealPercent ?? "n/a"}%`);
if (json) console.log(JSON.stringify(results));
await client.end();
await db.$disconnect();
