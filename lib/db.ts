import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDbClient } from "@/lib/db-client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
// A transaction client or the root client: domain functions accept either so they compose in one transaction.
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const createClient = () => createDbClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);

const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

// One client per process; cached on globalThis so hot reload in development does not open new pools.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForDb.portalDb ??= createClient();
    const value = Reflect.get(globalForDb.portalDb, prop);
    return typeof value === "function" ? value.bind(globalForDb.portalDb) : value;
  },
});
