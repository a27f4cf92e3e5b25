#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the schema as last committed (git HEAD) to prisma/schema.prisma as it is now. A diff of two
// datamodels reads no database (Prisma's config still wants one to connect to: a throwaway one), and unlike
// `prisma migrate dev` it never stops to ask a question (which the wasm engine cannot answer in a script).
// Review the SQL, add what Prisma cannot express (triggers), commit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const before = path.join(os.tmpdir(), `schema-head-${process.pid}.prisma`);
fs.writeFileSync(before, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const diff = spawnSync(
  process.execPath,
  [
    "lib/dev/with-db.mjs",
    "--throwaway",
    process.execPath,
    "lib/cli/prisma.mjs",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    before,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8" },
);
fs.rmSync(before);
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(1);
}
const sql = diff.stdout
  .split("\n")
  .filter((l) => !/^(Loaded Prisma config|Prisma config detected)/.test(l))
  .join("\n")
  .trim();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
console.log(`wrote ${dir}/migration.sql`);
