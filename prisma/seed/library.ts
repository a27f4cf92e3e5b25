// The shared library guides shipped with the portal (prisma/seed/guides/*.md), brought up to date: part of
// `npm run db:migrate` in production and of every development start. Content, not accounts: no demo data.
// Unchanged text adds no version, so it can run on every start.
import { createDbClient } from "@/lib/db-client";
import { cliDatabaseUrl } from "@/lib/env";
import { seedLibraryGuides } from "./guides";

async function main() {
  const db = createDbClient(cliDatabaseUrl(), 2);
  try {
    await seedLibraryGuides(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
