// The data set `npm run bench:scale` measures: a network of 10,000 clinics, built in SQL (INSERT … SELECT
// generate_series) on the throwaway database, so a million handouts take minutes, not hours. Most clinics are
// small (a skewed random draw), but clinic "sc00001", the one the bench queries, is the hard case: 100,000
// handouts and ~500,000 audit events over a year by 40 members, 100 guides and 60 templates; 3,000,000
// patient-link openings across the network feed the Insights rollups. Guide text is a real guide's sections
// (the seed guide, imported by the portal's own importer) with a topic sentence per guide, so full-text search
// has real words to find and to miss.
import crypto from "node:crypto";
import type pg from "pg";

export const BIG_CLINIC = "sc00001";
export const BIG_OWNER = "su000001";

const TOPICS = [
  "knee pain after running",
  "plantar fasciitis",
  "lower back pain",
  "rotator cuff tendinopathy",
  "tennis elbow",
  "ankle sprain",
  "neck pain from desk work",
  "hip osteoarthritis",
  "shin splints",
  "carpal tunnel syndrome",
  "frozen shoulder",
  "achilles tendinopathy",
  "whiplash",
  "sciatica",
  "patellar tendinopathy",
  "hamstring strain",
  "jaw pain",
  "headache from posture",
  "pelvic girdle pain",
  "osteoporosis and exercise",
  "balance and falls",
  "after knee replacement",
  "after hip replacement",
  "concussion recovery",
  "hypermobility",
  "scoliosis in adults",
  "thoracic stiffness",
  "de quervain tenosynovitis",
  "bunions",
  "morton neuroma",
];
const NAMES = [
  "Ana",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Kai",
  "Lena",
  "Mateo",
  "Nora",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Diana",
  "Joanna",
  "Anastasia",
  "Hannah",
  "Liam",
  "Noah",
  "Olivia",
  "Emma",
  "Aiden",
  "Mia",
  "Lucas",
  "Sofia",
  "Ethan",
  "Isla",
  "Leo",
  "Aria",
  "Max",
  "Ivy",
  "Theo",
  "Ruby",
  "Finn",
];

export type ScaleRows = Record<string, number>;

/**
 * Fills the empty, migrated database. Secondary indexes of the big tables are dropped during the load and
 * built again afterwards (the same definitions, read back from pg_indexes), which is several times faster
 * than maintaining them row by row; then VACUUM ANALYZE, as autovacuum would have done on a live database.
 */
export async function buildScaleData(
  client: pg.Client,
  second: pg.Client,
  pdf: Buffer,
  log: (s: string) => void,
): Promise<ScaleRows> {
  const q = (sql: string, values?: unknown[]) => client.query(sql, values);
  const step = async (label: string, sql: string, values?: unknown[]) => {
    const t = performance.now();
    const r = await q(sql, values);
    log(`  ${label}: ${r.rowCount ?? 0} rows, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await q(`ALTER SYSTEM SET max_wal_size = '8GB'`);
  await q(`SELECT pg_reload_conf()`);
  // replica: no foreign-key checks row by row (the data is made consistent) and no row triggers.
  await q(
    `SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'; SET session_replication_role = replica`,
  );
  const big = [
    "Handout",
    "HandoutPdf",
    "AuditEvent",
    "Delivery",
    "PatientLink",
    "Section",
    "Membership",
    "Template",
    "User",
  ];
  const { rows: indexes } = await q(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%_pkey'`,
    [big],
  );
  for (const i of indexes) await q(`DROP INDEX "${i.indexname}"`);

  await q(`CREATE TEMP TABLE topic AS SELECT tn, t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, tn)`, [TOPICS]);
  await q(
    `CREATE TEMP TABLE pool AS SELECT row_number() OVER (ORDER BY s."position") AS n, s."plainText", s."blocks" FROM "Section" s WHERE s."kind" = 'content'`,
  );

  await step(
    "clinics",
    `INSERT INTO "Clinic" ("id", "name", "phone", "email", "updatedAt")
    SELECT 'sc' || lpad(n::text, 5, '0'), CASE WHEN n = 1 THEN 'Harbour Physio Network' ELSE 'Clinic ' || n END, '(555) 010-' || lpad((n % 10000)::text, 4, '0'), 'front@clinic' || n || '.example', now()
    FROM generate_series(1, 10000) n`,
  );
  // Users 1..40 work at the big clinic; every other clinic has about five members.
  await step(
    "users",
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt")
    SELECT 'su' || lpad(n::text, 6, '0'), 'user' || n || '@scale.example', ($1::text[])[1 + n % ${NAMES.length}] || ' ' || chr(65 + n % 26) || '. Example', 'not-a-hash', now()
    FROM generate_series(1, 50000) n`,
    [NAMES],
  );
  await step(
    "memberships",
    `INSERT INTO "Membership" ("id", "userId", "clinicId", "role")
    SELECT 'sm' || n, 'su' || lpad(n::text, 6, '0'),
      CASE WHEN n <= 40 THEN 'sc00001' ELSE 'sc' || lpad((2 + (n - 41) % 9999)::text, 5, '0') END,
      (CASE WHEN n = 1 OR (n > 40 AND (n - 41) / 9999 = 0) THEN 'OWNER' WHEN n = 2 OR (n > 40 AND (n - 41) / 9999 = 1) THEN 'ADMIN' ELSE 'CLINICIAN' END)::"Role"
    FROM generate_series(1, 50000) n`,
  );

  // 5,000 clinic guides (100 at the big clinic, one at each of clinics 2..4901) and 20 shared ones, one version each.
  await step(
    "guides",
    `INSERT INTO "Guide" ("id", "clinicId", "key", "updatedAt", "createdAt")
    SELECT 'sg' || lpad(n::text, 5, '0'), CASE WHEN n > 5000 THEN NULL WHEN n <= 100 THEN 'sc00001' ELSE 'sc' || lpad((n - 99)::text, 5, '0') END,
      'scale-guide-' || n, now(), now() - interval '400 days' FROM generate_series(1, 5020) n`,
  );
  await step(
    "guide versions",
    `INSERT INTO "GuideVersion" ("id", "guideId", "version", "title", "summary", "reviewedAt", "grade", "words", "createdAt")
    SELECT 'sv' || lpad(n::text, 5, '0'), 'sg' || lpad(n::text, 5, '0'), 1, initcap(t.t) || CASE n % 3 WHEN 0 THEN ': the basics' WHEN 1 THEN ': exercises and advice' ELSE '' END,
      'What helps with ' || t.t || ', and when to call us.', (now() - (n % 900) * interval '1 day')::date, 7.5, 900, now() - interval '400 days'
    FROM generate_series(1, 5020) n JOIN topic t ON t.tn = 1 + n % ${TOPICS.length}`,
  );
  // 8 sections per version: 6 of real text led by the guide's topic, references, disclaimer.
  await step(
    "sections",
    `INSERT INTO "Section" ("id", "versionId", "key", "title", "position", "kind", "required", "blocks", "citedRefKeys", "plainText", "grade", "words", "contentHash", "changed")
    SELECT 'ss' || v.n || '_' || k, 'sv' || lpad(v.n::text, 5, '0'), 'part-' || k,
      (ARRAY['What it is', 'Symptoms', 'Causes', 'Treatment', 'Exercises', 'When to seek care', 'References', 'Disclaimer'])[k], k - 1,
      (CASE WHEN k = 7 THEN 'references' WHEN k = 8 THEN 'disclaimer' ELSE 'content' END)::"SectionKind", k >= 6,
      jsonb_build_array(jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'About ' || t.t || '.')))) || p."blocks",
      '{}', 'About ' || t.t || '. ' || p."plainText", 7.5, 120, md5(v.n || '_' || k), true
    FROM generate_series(1, 5020) v(n) CROSS JOIN generate_series(1, 8) k
    JOIN topic t ON t.tn = 1 + v.n % ${TOPICS.length}
    JOIN pool p ON p.n = 1 + (v.n + k) % (SELECT count(*) FROM pool)`,
  );
  await step(
    "templates",
    `INSERT INTO "Template" ("id", "clinicId", "name", "guideId", "guideVersionId", "sectionKeys", "notes", "createdById", "timesUsed", "lastUsedAt", "updatedAt")
    SELECT 'st' || n, CASE WHEN n <= 60 THEN 'sc00001' ELSE 'sc' || lpad((n - 59)::text, 5, '0') END,
      initcap(t.t) || ' – week ' || (1 + n % 4), g, 'sv' || substr(g, 3), '{part-1,part-4,part-5,part-6,part-8}', 'Twice a day.',
      CASE WHEN n <= 60 THEN 'su' || lpad((1 + n % 40)::text, 6, '0') ELSE 'su' || lpad((41 + (n - 61) % 9999)::text, 6, '0') END,
      (n * 37) % 500, now() - (n % 300) * interval '1 day', now()
    FROM generate_series(1, 10059) n JOIN topic t ON t.tn = 1 + n % ${TOPICS.length},
      LATERAL (SELECT CASE WHEN n <= 60 THEN 'sg' || lpad((1 + n % 100)::text, 5, '0') ELSE 'sg' || lpad((5001 + n % 20)::text, 5, '0') END AS g) gg`,
  );

  // Handouts 1..100,000 are the big clinic's (a few authors make most of them); the rest fall on the other
  // clinics with a cubic skew: a few thousand for the busiest, a few dozen for most. A year of dates.
  await step(
    "handouts",
    `INSERT INTO "Handout" ("id", "clinicId", "authorId", "guideVersionId", "templateId", "templateName", "title", "preparedFor", "notes", "sectionKeys", "contact", "options", "branding", "createdAt")
    SELECT 'sh' || lpad(n::text, 7, '0'), c.id, a.id, gv.id, tp.id, (SELECT t."name" FROM "Template" t WHERE t."id" = tp.id), gv.title, p.name, 'Walk 10 minutes twice a day.',
      '{part-1,part-4,part-5,part-6,part-8}', '{"clinicName": "Clinic", "phone": "(555) 010-0000"}', '{"largePrint": false, "notesPosition": "TOP", "pageSize": "LETTER"}',
      '{"name": "Clinic", "primaryColor": "#1d4e89", "accentColor": "#e8f0f8"}', now() - random() * interval '365 days'
    FROM generate_series(1, 1000000) n,
      LATERAL (SELECT CASE WHEN n <= 100000 THEN 1 ELSE 2 + floor(9998 * random() ^ 3)::int END + n * 0 AS c) cn,
      LATERAL (SELECT 'sc' || lpad(cn.c::text, 5, '0') AS id) c,
      -- n * 0: without a reference to the row, Postgres may memoize the draw per clinic.
      LATERAL (SELECT 'su' || lpad((CASE WHEN cn.c = 1 THEN 41 - ceil(40 * random() ^ 2)::int ELSE 41 + (cn.c - 2) + 9999 * floor(random() * 4)::int END + n * 0)::text, 6, '0') AS id) a,
      LATERAL (SELECT v."id", v."title" FROM "GuideVersion" v WHERE v."id" = 'sv' || lpad((CASE WHEN cn.c = 1 AND n % 4 > 0 THEN 1 + n % 100 ELSE 5001 + n % 20 END)::text, 5, '0')) gv,
      LATERAL (SELECT CASE WHEN r < 0.7 THEN ($1::text[])[1 + floor(random() * ${NAMES.length})::int] WHEN r < 0.85 THEN chr(65 + floor(random() * 26)::int) || '.' || chr(65 + floor(random() * 26)::int) || '.' END AS name
               FROM (SELECT random() + n * 0 AS r) rr) p,
      LATERAL (SELECT CASE WHEN cn.c = 1 AND n % 3 = 0 THEN 'st' || (1 + n % 60) END AS id) tp`,
    [NAMES],
  );
  await step(
    "handout PDFs",
    `INSERT INTO "HandoutPdf" ("id", "handoutId", "bytes", "sha256", "size", "pages", "createdAt")
    SELECT 'sp' || substr(h."id", 3), h."id", $1, $2, $3, 1, h."createdAt" FROM "Handout" h WHERE h."id" LIKE 'sh%'`,
    [pdf, sha256(pdf), pdf.length],
  );
  // 600,000 links (handout ids ending 0-5), 500,000 of them opened (0-4): first after a skewed delay (most within
  // hours, a few after a week or more), 1 to 11 times each, 6 on average: 3,000,000 openings in all.
  await step(
    "patient links",
    `INSERT INTO "PatientLink" ("id", "clinicId", "handoutId", "seed", "tokenHash", "expiresAt", "firstOpenedAt", "lastOpenedAt", "openCount", "createdAt")
    SELECT 'sl' || substr(h."id", 3), h."clinicId", h."id", md5(h."id"), md5('t' || h."id"), h."createdAt" + interval '90 days',
      CASE WHEN o.opened THEN h."createdAt" + r.first * interval '10 days' END,
      CASE WHEN o.opened THEN h."createdAt" + r.first * interval '10 days' + (o.n > 1)::int * r.later * interval '20 days' END,
      CASE WHEN o.opened THEN o.n ELSE 0 END, h."createdAt"
    FROM "Handout" h,
      LATERAL (SELECT random() ^ 4 AS first, random() AS later, h."id" AS hid) r,
      LATERAL (SELECT right(h."id", 1) < '5' AS opened, 1 + floor(random() * 11)::int AS n, r.hid) o
    WHERE h."id" LIKE 'sh%' AND right(h."id", 1) < '6'`,
  );
  await step(
    "deliveries",
    `INSERT INTO "Delivery" ("id", "clinicId", "handoutId", "requestedById", "idempotencyKey", "recipientMask", "mode", "status", "attempts", "sentAt", "createdAt", "updatedAt")
    SELECT 'sd' || substr(h."id", 3) || '_' || k, h."clinicId", h."id", h."authorId", 'k' || h."id" || '_' || k, 'p***@example.org', 'LINK', 'SENT', 1,
      h."createdAt" + k * interval '1 minute', h."createdAt" + k * interval '1 minute', h."createdAt" + k * interval '1 minute'
    FROM "Handout" h CROSS JOIN generate_series(1, 3) k
    WHERE h."id" LIKE 'sh%' AND (right(h."id", 1) IN ('0', '1', '2') AND k = 1 OR h."id" = 'sh0000010')`,
  );
  await step(
    "voids",
    `INSERT INTO "HandoutVoid" ("handoutId", "clinicId", "voidedById", "reason", "createdAt")
    SELECT h."id", h."clinicId", h."authorId", 'Wrong patient', h."createdAt" + interval '5 minutes' FROM "Handout" h WHERE h."id" LIKE 'sh%99'`,
  );
  await step(
    "drafts",
    `INSERT INTO "HandoutDraft" ("id", "clinicId", "userId", "guideId", "title", "data", "updatedAt")
    SELECT 'sdr' || n, 'sc00001', 'su' || lpad((1 + n % 40)::text, 6, '0'), 'sg00001', 'Draft ' || n, '{}', now() - n * interval '1 hour' FROM generate_series(1, 200) n`,
  );

  // 480,000 clinic events and 20,000 account events (sign-ins, no clinic) of the big clinic's members; the
  // rest spread like the handouts, 15% of them account events.
  await step(
    "audit events",
    `INSERT INTO "AuditEvent" ("id", "clinicId", "actorId", "action", "targetType", "targetId", "ip", "userAgent", "createdAt")
    SELECT 'se' || lpad(n::text, 7, '0'),
      CASE WHEN n <= 480000 THEN 'sc00001' WHEN n <= 500000 OR n % 100 < 15 THEN NULL ELSE 'sc' || lpad(cn.c::text, 5, '0') END,
      'su' || lpad((CASE WHEN n <= 500000 THEN 41 - ceil(40 * random() ^ 2)::int WHEN n % 100 < 15 THEN 41 + floor(random() * 49960)::int ELSE 41 + (cn.c - 2) + 9999 * floor(random() * 4)::int END)::text, 6, '0'),
      act.a, CASE WHEN act.a LIKE 'handout.%' THEN 'handout' WHEN act.a LIKE 'template.%' THEN 'template' WHEN act.a LIKE 'auth.%' THEN 'session' END,
      CASE WHEN act.a LIKE 'handout.%' THEN 'sh' || lpad((CASE WHEN n <= 480000 THEN 1 + floor(random() * 100000)::int ELSE 100001 + floor(random() * 900000)::int END)::text, 7, '0')
           WHEN act.a LIKE 'template.%' THEN 'st' || (1 + n % 60) END,
      '203.0.113.' || (n % 250), 'Mozilla/5.0 (X11; Linux x86_64)', now() - random() * interval '365 days'
    FROM generate_series(1, 5000000) n,
      LATERAL (SELECT 2 + floor(9998 * random() ^ 3)::int + n * 0 AS c) cn,
      LATERAL (SELECT CASE WHEN n > 480000 AND n <= 500000 OR n > 500000 AND n % 100 < 15 THEN (ARRAY['auth.sign_in', 'auth.sign_in', 'auth.sign_in', 'auth.sign_out'])[1 + n % 4]
        ELSE (ARRAY['handout.generated', 'handout.generated', 'handout.viewed', 'handout.viewed', 'handout.viewed', 'handout.downloaded', 'handout.printed',
                    'delivery.requested', 'link.opened', 'handout.viewed', 'handout.generated', 'handout.viewed', 'link.opened', 'handout.printed',
                    'handout.viewed', 'handout.generated', 'handout.downloaded', 'handout.viewed', 'handout.generated'])[1 + n % 19] END AS a) act0,
      LATERAL (SELECT CASE WHEN act0.a LIKE 'auth.%' THEN act0.a WHEN n % 1009 = 0 THEN 'template.created' WHEN n % 2003 = 0 THEN 'clinic.branding_changed' ELSE act0.a END AS a) act`,
  );

  await q(`SET session_replication_role = DEFAULT`);
  log("  rebuilding indexes…");
  const t = performance.now();
  // Two at a time, GIN first: a GIN build uses one core, a btree build its parallel workers as well.
  const queue = [...indexes].sort(
    (a, b) => Number(/USING gin/i.test(b.indexdef)) - Number(/USING gin/i.test(a.indexdef)),
  );
  await Promise.all(
    [client, second].map(async (c) => {
      await c.query(`SET maintenance_work_mem = '512MB'`);
      for (let i = queue.shift(); i; i = queue.shift()) await c.query(i.indexdef);
    }),
  );
  log(`  indexes: ${indexes.length}, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The load ran without triggers: the Insights rollups are filled by the migration's own backfill.
  await step("insights rollups (insights_rebuild)", `SELECT insights_rebuild()`);
  const v = performance.now();
  await q(`VACUUM (ANALYZE)`);
  log(`  vacuum analyze: ${((performance.now() - v) / 1000).toFixed(1)} s`);

  return countRows(client, log);
}

/** Rows per table, and (logged) what the bench clinic holds. */
export async function countRows(client: pg.Client, log: (s: string) => void): Promise<ScaleRows> {
  const tables = [
    "Clinic",
    "User",
    "Membership",
    "Guide",
    "GuideVersion",
    "Section",
    "Template",
    "Handout",
    "HandoutPdf",
    "PatientLink",
    "Delivery",
    "HandoutVoid",
    "HandoutDraft",
    "AuditEvent",
    "InsightDay",
    "InsightOpenDay",
  ];
  const rows: ScaleRows = {};
  for (const name of tables) rows[name] = Number((await client.query(`SELECT count(*) FROM "${name}"`)).rows[0].count);
  rows["link openings"] = Number((await client.query(`SELECT sum("openCount") AS n FROM "PatientLink"`)).rows[0].n);
  const [handouts, events] = await Promise.all([
    client.query(`SELECT count(*) FROM "Handout" WHERE "clinicId" = $1`, [BIG_CLINIC]),
    client.query(
      `SELECT count(*) FROM "AuditEvent" WHERE "clinicId" = $1 OR ("clinicId" IS NULL AND "actorId" IN (SELECT "userId" FROM "Membership" WHERE "clinicId" = $1))`,
      [BIG_CLINIC],
    ),
  ]);
  log(
    `clinic ${BIG_CLINIC}: ${handouts.rows[0].count} handouts, ${events.rows[0].count} audit events in its activity log`,
  );
  return rows;
}

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
