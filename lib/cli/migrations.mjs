// Database migrations are a step of their own in production (`npm run db:migrate`, run as the migration role);
// the app itself only checks that they were applied, so its own role needs no DDL rights.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const DIR = path.resolve("prisma", "migrations");

/** Migrations in prisma/migrations that the database has not applied (all of them on an empty database). */
/** @param {string} databaseUrl @returns {Promise<string[]>} */
export async function pendingMigrations(databaseUrl) {
  const wanted = fs
    .readdirSync(DIR)
    .filter((name) => fs.existsSync(path.join(DIR, name, "migration.sql")))
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
    if (!rows[0].present) return wanted;
    const applied = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return wanted.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}
