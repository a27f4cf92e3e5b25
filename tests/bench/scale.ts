// `npm run bench:scale [-- --json]`: the portal's lists, searches and Insights at network scale. Builds the
// data set of tests/bench/scale-data.ts on a throwaway PostgreSQL (or reuses it on a DATABASE_URL that already
// holds it), then times the portal's own query functions as the big clinic's owner (warm-up, then p50/p95 of 30
// runs each), and EXPLAINs (ANALYZE, BUFFERS) every statement they sent. seqScan: a sequential scan of a
// large table (sql-capture.ts: WATCHED) in any of them. Plans go to the file named at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { captureSql, explain } from "./sql-capture";
import { BIG_CLINIC, BIG_OWNER, buildScaleData, countRows, type ScaleRows } from "./scale-data";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.SMTP_URL ??= "smtp://127.0.0.1:2525";

const json = process.argv.includes("--json");
const RUNS = 30;
const WARMUP = 5;
const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);

const { db } = await import("@/lib/db");
const { parseGuideMarkdown } = await import("@/lib/guides/import/parse-markdown");
const { importGuide } = await import("@/lib/guides/import/store");
const { findHandouts, findRecentHandouts } = await import("@/lib/handouts/queries");
const { findAuditEvents } = await import("@/lib/audit/queries");
const { findLibrary } = await import("@/lib/guides/library/queries");
const { findTemplates, findHomeTemplates, searchTemplates } = await import("@/lib/templates/queries");
const { findDeliveries } = await import("@/lib/deliveries/queries");
const { findDrafts } = await import("@/lib/handout-drafts/queries");
const { getClinicBranding } = await import("@/lib/clinics/branding");
const { findGuidesDueForReview } = await import("@/lib/guides/library/review-dates");
const { encodeCursor } = await import("@/lib/pagination");
const { findInsights } = await import("@/lib/insights/queries");
const { findFilterOptions } = await import("@/lib/insights/labels");
const { insightsCsv } = await import("@/lib/insights/csv");
const { defaultRange } = await import("@/lib/insights/schemas");
const { as } = await import("../integration/helpers");

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();

let rows: ScaleRows;
let buildSeconds: number | null = null;
if ((await admin.query(`SELECT 1 FROM "Clinic" WHERE "id" = $1`, [BIG_CLINIC])).rowCount) {
  log("the database already holds the scale data: reusing it");
  rows = await countRows(admin, log);
} else {
  log("building the data set…");
  const t = performance.now();
  const parsed = parseGuideMarkdown(fs.readFileSync("prisma/seed/guides/back-spasms.md"));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  await importGuide(db, parsed.guide, { clinicId: null });
  const second = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await second.connect();
  rows = await buildScaleData(admin, second, onePagePdf(), log);
  await second.end();
  buildSeconds = Math.round((performance.now() - t) / 1000);
  log(`built in ${buildSeconds} s`);
}

const ctx = await as(BIG_OWNER, BIG_CLINIC);
const cursorAt = async (table: string, offset: number) => {
  const { rows: r } = await admin.query(
    `SELECT "createdAt", "id" FROM "${table}" WHERE "clinicId" = $1 ORDER BY "createdAt" DESC, "id" DESC OFFSET $2 LIMIT 1`,
    [BIG_CLINIC, offset],
  );
  return encodeCursor(BIG_CLINIC, r[0]);
};
// A page about half a year back, as someone pressing "Older" 2,500 (handouts) or 8,000 (events) times.
const deepHandouts = await cursorAt("Handout", 50_000);
const deepEvents = await cursorAt("AuditEvent", 200_000);
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

// Insights: the default 12 weeks and the longest range allowed (the data set spans a year, so two years read
// all of it); su000040 is the clinic's busiest clinician (about 5% of its handouts), sg00001 a guide, st1 a template.
const clinician = await as("su000040", BIG_CLINIC);
const twelveWeeks = defaultRange();
const twoYears = { from: day(730), to: day(0) };
const insightsCsvOf = async () => insightsCsv(await findInsights(ctx, twoYears));

const queries: { name: string; run: () => Promise<unknown> }[] = [
  { name: "handouts: first page", run: () => findHandouts(ctx, {}) },
  { name: "handouts: deep page (50,000 back)", run: () => findHandouts(ctx, { after: deepHandouts }) },
  // How often each matches among the big clinic's handouts, from the data set's title and name lists.
  { name: "handouts: search title 'fasciitis' (2%)", run: () => findHandouts(ctx, { q: "fasciitis" }) },
  { name: "handouts: search prepared-for 'ana' (6%)", run: () => findHandouts(ctx, { q: "ana" }) },
  { name: "handouts: search prepared-for 'ximena' (1.5%)", run: () => findHandouts(ctx, { q: "ximena" }) },
  { name: "handouts: search with no match 'qzx'", run: () => findHandouts(ctx, { q: "qzx" }) },
  { name: "handouts: filter by clinician", run: () => findHandouts(ctx, { author: "su000030" }) },
  { name: "handouts: filter by date (one week)", run: () => findHandouts(ctx, { from: day(200), to: day(194) }) },
  { name: "library: first page", run: () => findLibrary(ctx, {}) },
  { name: "library: full-text 'knee pain'", run: () => findLibrary(ctx, { q: "knee pain" }) },
  { name: "library: full-text 'spasm'", run: () => findLibrary(ctx, { q: "spasm" }) },
  { name: "templates: list", run: () => findTemplates(ctx) },
  { name: "activity: first page", run: () => findAuditEvents(ctx, {}) },
  { name: "activity: deep page (200,000 back)", run: () => findAuditEvents(ctx, { after: deepEvents }) },
  { name: "activity: filter by action (rare)", run: () => findAuditEvents(ctx, { action: "template.created" }) },
  { name: "activity: filter by member", run: () => findAuditEvents(ctx, { actor: "su000035" }) },
  { name: "activity: filter by date (one day)", run: () => findAuditEvents(ctx, { from: day(100), to: day(100) }) },
  { name: "deliveries of a handout", run: () => findDeliveries(ctx, "sh0000010") },
  { name: "home: templates", run: () => findHomeTemplates(ctx) },
  { name: "home: recent handouts", run: () => findRecentHandouts(ctx) },
  { name: "home: drafts", run: () => findDrafts(ctx) },
  { name: "home: branding", run: () => getClinicBranding(BIG_CLINIC) },
  { name: "home: guides due for review", run: () => findGuidesDueForReview(ctx) },
  {
    name: "home search: guides and templates 'knee'",
    run: () => Promise.all([findLibrary(ctx, { q: "knee" }), searchTemplates(ctx, "knee")]),
  },
  { name: "insights: 12 weeks", run: () => findInsights(ctx, twelveWeeks) },
  { name: "insights: 2 years", run: () => findInsights(ctx, twoYears) },
  { name: "insights: 2 years, one clinician", run: () => findInsights(ctx, { ...twoYears, author: "su000040" }) },
  { name: "insights: 2 years, one guide", run: () => findInsights(ctx, { ...twoYears, guide: "sg00001" }) },
  { name: "insights: 2 years, one template", run: () => findInsights(ctx, { ...twoYears, template: "st1" }) },
  { name: "insights: a clinician's own, 2 years", run: () => findInsights(clinician, twoYears) },
  { name: "insights: filter choices", run: () => findFilterOptions(ctx) },
  { name: "insights: CSV, 2 years", run: insightsCsvOf },
];

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(", ");
const planFile = path.join(os.tmpdir(), `bench-scale-plans-${Date.now()}.txt`);
const plans: string[] = [];
const results: { name: string; p50Ms: number; p95Ms: number; seqScan: boolean }[] = [];
// One round of everything first, as a server that has been up a while: the first queries would otherwise
// also pay for Prisma's and Postgres's first-use work (query plans, caches, JIT) that later ones find done.
for (const q of queries) await q.run();
for (const q of queries) {
  for (let i = 0; i < WARMUP; i++) await q.run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await q.run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const statements = await captureSql(q.run);
  let seqScan = false;
  plans.push(`==== ${q.name}: ${statements.length} statements`);
  for (const s of statements) {
    const e = await explain(admin, s);
    if (!e) continue;
    seqScan ||= e.seqScan;
    plans.push(`-- ${s.text}\n-- params: ${JSON.stringify(s.values)}\n${e.plan}\n`);
  }
  const r = {
    name: q.name,
    p50Ms: round(times[Math.floor((RUNS - 1) / 2)]!),
    p95Ms: round(times[Math.ceil(RUNS * 0.95) - 1]!),
    seqScan,
  };
  results.push(r);
  log(
    `${r.name.padEnd(48)} p50 ${String(r.p50Ms).padStart(7)} ms  p95 ${String(r.p95Ms).padStart(7)} ms  ${r.seqScan ? "SEQ SCAN" : ""}`,
  );
}
fs.writeFileSync(planFile, plans.join("\n"));
log(
  `load average at start ${load}, at end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}; ${buildSeconds === null ? "data reused" : `data built in ${buildSeconds} s`}`,
);
log(`plans: ${planFile}`);
if (json) console.log(JSON.stringify({ rows, queries: results }));
await admin.end();
process.exit(0);

function round(ms: number) {
  return Math.round(ms * 10) / 10;
}

/** A real one-page PDF (pdfinfo reads it), a few hundred bytes: every handout's PDF row holds these bytes. */
function onePagePdf() {
  const TEXT = "BT /F1 24 Tf 72 700 Td (Your handout) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${TEXT.length} >>\nstream\n${TEXT}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
