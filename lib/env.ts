// The one typed env module the app reads (with lib/launch-env.mjs, whose launcher settings it extends, the
// only place that reads process.env). Parsed once; a missing or malformed variable stops the process with a
// one-line message naming it.
import { z } from "zod";
import { DEFAULT_RENDER_NICE } from "@/lib/server/thread-priority.mjs";
import { EnvError, commandDatabaseUrl, launchSchema, parseSettings } from "@/lib/launch-env.mjs";
import { secretWeakness } from "@/lib/secret-strength";

export { EnvError };

// The render pool's settings, readable on their own: the pool also runs outside the web server (benchmarks).
const renderSettings = z.object({
  // Renders that may wait for a free render thread before "busy" is answered (default: 32 per thread).
  PDF_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10_000).optional(),
  // How far below the request thread render threads run (a Linux nice value; 0: the same priority).
  PDF_RENDER_NICE: z.coerce.number().int().min(0).max(19).default(DEFAULT_RENDER_NICE),
  // Tests only: Generate holds its first render until this many have arrived (tests/e2e/busy.spec.ts).
  TEST_GENERATE_HOLD_UNTIL: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const renderEnv = () => renderSettings.parse(process.env);

/** The database the command-line tools (admin:create, guides:import, the seeds) work on; they need nothing else of env(). */
export const cliDatabaseUrl = (): string => commandDatabaseUrl(process.env);

const schema = launchSchema.extend({
  // Required by the app itself; the launchers only ask whether they are set.
  DATABASE_URL: launchSchema.shape.DATABASE_URL.unwrap(),
  SMTP_URL: launchSchema.shape.SMTP_URL.unwrap(),
  NEXTAUTH_SECRET: launchSchema.shape.NEXTAUTH_SECRET.unwrap(),
  MAIL_FROM: z.string().min(3).default("Handout Portal <no-reply@handouts.localhost>"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  ...renderSettings.shape,
});

/** Every variable the portal reads (.env.example documents each one). */
export const ENV_NAMES = Object.keys(schema.shape);

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & {
  /** The portal's public address: APP_URL, or http://localhost:PORT in development. */
  APP_URL: string;
  /** Whether APP_URL was set: then it is the only origin the portal's forms and routes accept. */
  appUrlConfigured: boolean;
};

/**
 * `production` (default: NODE_ENV is "production", as in every process of a production build; the production
 * start also asks for it under `npm run dev`) refuses a NEXTAUTH_SECRET or DATA_ENCRYPTION_KEY that is easy to guess. Development
 * generates a random one (lib/dev/local-secrets.mjs); tests may use any.
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  { production }: { production?: boolean } = {},
): Env {
  const parsed = parseSettings(schema, source);
  const strict = production ?? parsed.NODE_ENV === "production";
  for (const name of ["NEXTAUTH_SECRET", "DATA_ENCRYPTION_KEY"] as const) {
    const weakness = strict && parsed[name] !== undefined ? secretWeakness(parsed[name]) : null;
    if (weakness)
      throw new EnvError(
        `Configuration error: ${name} is too easy to guess (${weakness}): make a random one with \`openssl rand -base64 32\`. See .env.example.`,
      );
  }
  const { APP_URL, ...rest } = parsed;
  return {
    ...rest,
    APP_URL: (APP_URL ?? `http://localhost:${rest.PORT}`).replace(/\/+$/, ""),
    appUrlConfigured: APP_URL !== undefined,
  };
}

/**
 * The production start's check (lib/cli/start.mjs, through check-env.ts), made once before anything starts:
 * everything parseEnv checks with the production rule for NEXTAUTH_SECRET, and APP_URL, without which
 * emailed links would point at localhost.
 */
export function parseDeploymentEnv(source: Record<string, string | undefined>): Env {
  const parsed = parseEnv(source, { production: true });
  if (!parsed.appUrlConfigured)
    throw new EnvError(
      "Configuration error: APP_URL is not set. With a real DATABASE_URL the portal runs in production mode and needs its public address for emailed links. See .env.example.",
    );
  return parsed;
}

let cached: Env | undefined;

// Read lazily so `next build` can collect pages without a database configured.
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth reads its own variable for absolute URLs; APP_URL is the one documented setting.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}

/** Whether cookies are sent over https only (and take the __Host-/__Secure- names): an https APP_URL. */
export const secureCookies = () => env().APP_URL.startsWith("https://");
