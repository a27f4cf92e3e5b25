// A Prisma client on the pg driver adapter, for the app (lib/db.ts) and for command-line entry points
// (importer, admin command, seed), which must not load the server-only, request-scoped modules.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) fail a Generate that has
// already waited for its render whenever a busy server's pool is briefly full: twenty clinicians generating
// on one server lost handouts that way (tests/bench/cluster.ts). A transaction still never holds a
// connection longer than the timeout.
const TRANSACTIONS = { maxWait: 10_000, timeout: 15_000 };

export function createDbClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions: TRANSACTIONS });
}
