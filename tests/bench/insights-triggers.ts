// `npm run bench:insights-triggers`: what the Insights rollup triggers cost the writes they count, at their
// worst: every write lands on the same rollup row (one clinic, day, author, guide and template), so concurrent
// writers queue on that row's lock. Two writes, each timed with the triggers on and off (alternating rounds),
// with 1 and 8 concurrent clients: a patient-link opening (one UPDATE, as lib/links/mutations.ts recordOpen)
// and a handout with its link (two INSERTs in one transaction, as Generate writes them).
import pg from "pg";

const ROUNDS = 3;
const OPS = 300;
const LINKS = 400;
const TRIGGERS = [
  '"Handout" "Handout_insights"',
  '"PatientLink" "PatientLink_insights_insert"',
  '"PatientLink" "PatientLink_insights_open"',
];

const url = process.env.DATABASE_URL;
if (!url) throw new Error("run through npm run bench:insights-triggers");
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`
  INSERT INTO "Clinic" ("id", "name", "updatedAt") VALUES ('bc1', 'Bench', now()) ON CONFLICT DO NOTHING;
  INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ('bu1', 'bu1@bench.example', 'B', 'x', now()) ON CONFLICT DO NOTHING;
  INSERT INTO "Guide" ("id", "clinicId", "key", "updatedAt") VALUES ('bg1', 'bc1', 'bench', now()) ON CONFLICT DO NOTHING;
  INSERT INTO "GuideVersion" ("id", "guideId", "version", "title", "grade", "words") VALUES ('bv1', 'bg1', 1, 'Bench', 1, 1) ON CONFLICT DO NOTHING;
  INSERT INTO "Handout" ("id", "clinicId", "authorId", "guideVersionId", "title", "notes", "sectionKeys", "contact", "options", "branding")
    SELECT 'bh' || n, 'bc1', 'bu1', 'bv1', 't', '', '{}', '{}', '{}', '{}' FROM generate_series(1, ${LINKS}) n ON CONFLICT DO NOTHING;
  INSERT INTO "PatientLink" ("id", "clinicId", "handoutId", "seed", "tokenHash", "expiresAt")
    SELECT 'bl' || n, 'bc1', 'bh' || n, 's' || n, 'th' || n, now() + interval '1 day' FROM generate_series(1, ${LINKS}) n ON CONFLICT DO NOTHING;`);

let made = 0;
const workloads: Record<string, (c: pg.Client) => Promise<unknown>> = {
  "link opening (1 UPDATE)": (c) =>
    c.query(
      `UPDATE "PatientLink" SET "openCount" = "openCount" + 1, "firstOpenedAt" = COALESCE("firstOpenedAt", now()), "lastOpenedAt" = now() WHERE "id" = $1`,
      [`bl${1 + Math.floor(Math.random() * LINKS)}`],
    ),
  "handout with its link (2 INSERTs, 1 transaction)": async (c) => {
    const id = `bx${process.pid}_${++made}`;
    await c.query("BEGIN");
    await c.query(
      `INSERT INTO "Handout" ("id", "clinicId", "authorId", "guideVersionId", "title", "notes", "sectionKeys", "contact", "options", "branding") VALUES ($1, 'bc1', 'bu1', 'bv1', 't', '', '{}', '{}', '{}', '{}')`,
      [id],
    );
    await c.query(
      `INSERT INTO "PatientLink" ("id", "clinicId", "handoutId", "seed", "tokenHash", "expiresAt") VALUES ($1, 'bc1', $1, $1, $1, now() + interval '1 day')`,
      [id],
    );
    await c.query("COMMIT");
  },
};

const clients = await Promise.all(
  Array.from({ length: 8 }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }),
);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;

for (const [name, op] of Object.entries(workloads)) {
  for (const concurrency of [1, 8]) {
    const results: Record<"on" | "off", { perSecond: number[]; latencies: number[] }> = {
      on: { perSecond: [], latencies: [] },
      off: { perSecond: [], latencies: [] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ["on", "off"] as const) {
        for (const t of TRIGGERS)
          await admin.query(
            `ALTER TABLE ${t.split(" ")[0]} ${mode === "on" ? "ENABLE" : "DISABLE"} TRIGGER ${t.split(" ")[1]}`,
          );
        const start = performance.now();
        await Promise.all(
          clients.slice(0, concurrency).map(async (c) => {
            for (let i = 0; i < OPS / concurrency; i++) {
              const t = performance.now();
              await op(c);
              results[mode].latencies.push(performance.now() - t);
            }
          }),
        );
        results[mode].perSecond.push(OPS / ((performance.now() - start) / 1000));
      }
    }
    for (const mode of ["on", "off"] as const) {
      const l = results[mode].latencies.sort((a, b) => a - b);
      const rate = results[mode].perSecond.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
      console.log(
        `${name.padEnd(50)} ${concurrency} client${concurrency > 1 ? "s" : " "}  triggers ${mode.padEnd(3)}  ${rate.toFixed(0).padStart(5)}/s  p50 ${pct(l, 0.5).toFixed(2)} ms  p95 ${pct(l, 0.95).toFixed(2)} ms`,
      );
    }
  }
}
for (const t of TRIGGERS) await admin.query(`ALTER TABLE ${t.split(" ")[0]} ENABLE TRIGGER ${t.split(" ")[1]}`);
await Promise.all([admin, ...clients].map((c) => c.end()));
