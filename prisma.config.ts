// Prisma CLI config: the wasm ("js") schema engine through the pg driver adapter, so migrations need only npm.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set. In development, start the portal first (`npm start`): the other commands use its database.",
      );
    const u = new URL(url);
    // Discrete fields, not a connection string: the shadow database is made by overriding `database`,
    // which pg ignores when a connection string is given.
    return new PrismaPg({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
      ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    });
  },
});
