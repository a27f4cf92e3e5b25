// A Prisma client on the pg driver adapter, for the app (lib/db.ts) and for command-line entry points
// (importer, admin command, seed), which must not load the server-only, request-scoped modules.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createDbClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}
