import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
// A transaction client or the root client: domain functions accept either so they compose in one transaction.
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

// One client per process; cached on globalThis so hot reload in development does not open new pools.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForDb.portalDb ??= createClient();
    const value = Reflect.get(globalForDb.portalDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.portalDb) : value;
  },
});
