// `npm run guides:import -- path/to/guide.md (--library | --clinic <id>)`: imports a Markdown guide as a
// new version. Uses DATABASE_URL, or the same embedded database as `npm start` (through with-db.mjs).
import fs from "node:fs";
import { createDbClient } from "@/lib/db-client";
import { parseGuideMarkdown } from "@/lib/guides/parse-markdown";
import { importGuide } from "@/lib/guides/import";
import { LOCK_REASONS } from "@/lib/guides/locks";
import { cliDatabaseUrl } from "@/lib/env";

const USAGE = "usage: npm run guides:import -- <file.md> (--library | --clinic <clinicId>)";

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--clinic");
  const library = args.includes("--library");
  const clinicId = args.includes("--clinic") ? args[args.indexOf("--clinic") + 1] : undefined;
  if (!file || library === !!clinicId || (args.includes("--clinic") && !clinicId)) throw new Error(USAGE);
  const databaseUrl = cliDatabaseUrl();

  const parsed = parseGuideMarkdown(fs.readFileSync(file));
  if (!parsed.ok) throw new Error(`${file} was not imported:\n- ${parsed.errors.join("\n- ")}`);
  const db = createDbClient(databaseUrl, 2);
  try {
    if (clinicId && !(await db.clinic.findUnique({ where: { id: clinicId }, select: { id: true } }))) throw new Error(`no clinic with id ${clinicId}`);
    const r = await importGuide(db, parsed.guide, { clinicId: clinicId ?? null });
    console.log(`guide ${r.guideId}: "${parsed.guide.title}" version ${r.version}${r.unchanged ? " (unchanged: same text as the latest version)" : ""}`);
    for (const s of parsed.guide.sections) console.log(`  - ${s.title}${s.lock ? ` (always included: ${LOCK_REASONS[s.lock]})` : ""}`);
    for (const w of parsed.warnings) console.log(`warning: ${w}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
