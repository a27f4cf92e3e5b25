// `npm run guides:import -- path/to/guide.md (--library | --clinic <id>)`: imports a Markdown guide as a
// new version; `… path/to/guide.zip …` a guide with pictures, in the Library's zip format and through the same
// reading and checks (lib/guides/import/zip-store.ts). Uses DATABASE_URL; in development, that of the running
// `npm start` (from its .data/dev.env).
import fs from "node:fs";
import path from "node:path";
import { createDbClient } from "@/lib/db-client";
import { parseGuideMarkdown, type ParsedGuide } from "@/lib/guides/import/parse-markdown";
import { importGuide } from "@/lib/guides/import/store";
import { LOCK_REASONS } from "@/lib/guides/locks";
import { closeParsePool } from "@/lib/guides/import/parse-pool";
import { readGuideZip, storeGuideZip } from "@/lib/guides/import/zip-store";
import { cliDatabaseUrl } from "@/lib/env";
import { reachDatabase } from "@/lib/cli/database.mjs";

const USAGE = "usage: npm run guides:import -- <file.md | file.zip> (--library | --clinic <clinicId>)";

// By name, or by a zip's own signature ("PK\3\4") when it was renamed.
const isZip = (file: string, bytes: Buffer) =>
  /\.zip$/i.test(file) || bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--clinic");
  const library = args.includes("--library");
  const clinicId = args.includes("--clinic") ? args[args.indexOf("--clinic") + 1] : undefined;
  if (!file || library === !!clinicId || (args.includes("--clinic") && !clinicId)) throw new Error(USAGE);
  const databaseUrl = cliDatabaseUrl();
  await reachDatabase(databaseUrl);
  const bytes = fs.readFileSync(file);

  let guide: ParsedGuide;
  let warnings: string[];
  let read: Awaited<ReturnType<typeof readGuideZip>> | undefined;
  if (isZip(file, bytes)) {
    read = await readGuideZip(new Uint8Array(bytes), path.basename(file)).catch((err: unknown) => {
      throw new Error(`${file} was not imported:\n- ${err instanceof Error ? err.message : String(err)}`);
    });
    ({ guide, warnings } = read);
  } else {
    const parsed = parseGuideMarkdown(bytes);
    if (!parsed.ok) throw new Error(`${file} was not imported:\n- ${parsed.errors.join("\n- ")}`);
    ({ guide, warnings } = parsed);
  }
  const db = createDbClient(databaseUrl, 2);
  try {
    if (clinicId && !(await db.clinic.findUnique({ where: { id: clinicId }, select: { id: true } })))
      throw new Error(`no clinic with id ${clinicId}`);
    const target = { clinicId: clinicId ?? null, importedBy: null };
    const zip = read && (await db.$transaction((tx) => storeGuideZip(tx, read, target)));
    const r = zip ?? (await importGuide(db, guide, target));
    console.log(
      `guide ${r.guideId}: "${guide.title}" version ${r.version}${r.unchanged ? " (unchanged: same text and pictures as the latest version)" : ""}`,
    );
    for (const s of guide.sections)
      console.log(`  - ${s.title}${s.lock ? ` (always included: ${LOCK_REASONS[s.lock]})` : ""}`);
    if (zip) console.log(`pictures: ${zip.stored} stored, ${zip.reused} the guide already had`);
    for (const w of warnings) console.log(`warning: ${w}`);
  } finally {
    await db.$disconnect();
  }
}

main()
  .then(() => closeParsePool())
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    await closeParsePool();
    process.exit(1);
  });
