// The settings the launchers read: the start commands, the web server, the database migration and the
// development stack, all plain Node (no TypeScript loader, so the web server starts fast). lib/env.ts extends
// this schema with the app's own settings, so each variable is defined once. With lib/env.ts, the only
// module that reads process.env (tests/unit/env-reads.test.ts).
import { z } from "zod";
import { parseTrustedProxies } from "./server/client-ip.mjs";

/** @param {string[]} protocols */
export const url = (protocols) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(" or ")}//`,
  );

export const launchSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Set: the production start (lib/cli/start.mjs). Unset: `npm start` runs the development stack.
  DATABASE_URL: url(["postgres:", "postgresql:"]).optional(),
  // Keys session cookies, patient-link tokens and the known-browser cookie; in production it must also be
  // hard to guess (lib/env.ts). Unset: the development stack generates one (lib/dev/local-secrets.mjs).
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  // Keys the encryption of stored second-factor and single sign-on client secrets (lib/accounts/secret-box.ts).
  // Unset: derived from NEXTAUTH_SECRET, which then cannot change without every authenticator app being set up
  // again.
  DATA_ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  // Unset only in development, where the portal answers at whatever address it is opened (lib/http.ts).
  APP_URL: url(["http:", "https:"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // The interface the web server listens on; unset, all of them.
  HOST: z.string().optional(),
  // Proxies whose X-Forwarded-For is believed (lib/server/client-ip.mjs); read by the web server.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((v, c) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        c.addIssue({
          code: "custom",
          message: `has ${e instanceof Error ? e.message : e} (use addresses or CIDR ranges, comma-separated, or "loopback")`,
        });
      }
    }),
  // How long a stopping web server keeps serving new requests (with Connection: close) while load balancers
  // notice its 503 on /api/health (lib/cli/web-server.mjs). The development stack makes it 0.
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(5000),
  // "off": the web server leaves compressing responses to a proxy in front of it that does (lib/cli/web-server.mjs).
  HTTP_COMPRESSION: z
    .enum(["on", "off"])
    .optional()
    .transform((v) => v !== "off"),
  SMTP_URL: url(["smtp:", "smtps:"]).optional(),
  // "1" lets smtp:// to another machine run without STARTTLS (lib/email/smtp-security.mjs).
  SMTP_INSECURE: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
  // "off": the start runs no email worker beside the web server (workers run on their own: `npm run worker`).
  DELIVERY_WORKER: z
    .enum(["on", "off"])
    .optional()
    .transform((v) => v !== "off"),
  // "1": the start loads the demo clinics and their public passwords (the development stack always does).
  DEMO_DATA: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
  // Development only: where the embedded database, the mail catcher, the local secrets and dev.env live.
  PORTAL_DATA_DIR: z.string().min(1).default(".data"),
  // Development only: a folder with PostgreSQL 17's postgres, initdb and pg_ctl to run instead of the npm
  // package's own (the development stack sets it itself when run as root; lib/dev/embedded-db.mjs).
  PG_NATIVE_BIN_DIR: z.string().optional(),
});

/** A missing or malformed variable: the message is one line that names it. */
export class EnvError extends Error {}

/**
 * Parses `source` with `schema`; throws an EnvError naming the first bad variable. An empty value counts as
 * unset, as a shell's `NAME= npm start` means.
 * @template {z.ZodType} S
 * @param {S} schema
 * @param {Record<string, string | undefined>} source
 * @returns {z.output<S>}
 */
export function parseSettings(schema, source) {
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(set);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const problem = set[name] === undefined ? "is not set" : issue?.message;
  throw new EnvError(`Configuration error: ${name} ${problem}. See .env.example.`);
}

/** @param {Record<string, string | undefined>} [source] */
export const launchEnv = (source = process.env) => parseSettings(launchSchema, source);

/**
 * The database a command works on (db:migrate, worker, admin:create, guides:import…). In development the
 * npm scripts read it from the file the running `npm start` wrote (<PORTAL_DATA_DIR>/dev.env).
 * @param {Record<string, string | undefined>} [source]
 */
export function commandDatabaseUrl(source = process.env) {
  const { DATABASE_URL } = launchEnv(source);
  if (!DATABASE_URL)
    throw new EnvError(
      "DATABASE_URL is not set. In development, start the portal first (`npm start`): the other commands use its database. In production, set it (see .env.example).",
    );
  return DATABASE_URL;
}
