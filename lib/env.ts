// The one place that reads process.env. Parsed once; a missing or malformed variable stops the process
// with a one-line message naming it.
import { z } from "zod";
import { DEFAULT_RENDER_NICE } from "@/lib/pdf/thread-priority.mjs";
import { parseTrustedProxies } from "@/lib/server/client-ip.mjs";
import { secretWeakness } from "@/lib/secret-strength";

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(" or ")}//`);

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

/** The database the command-line tools (admin:create, guides:import) work on; they need nothing else of env(). */
export function cliDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(["postgres:", "postgresql:"]),
  // Keys session cookies, patient-link tokens and the known-browser cookie; in production it must also be
  // hard to guess (see parseEnv).
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
  // Unset only in development, where the portal answers at whatever address it is opened (lib/http.ts).
  APP_URL: url(["http:", "https:"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  SMTP_URL: url(["smtp:", "smtps:"]),
  MAIL_FROM: z.string().min(3).default("Handout Portal <no-reply@handouts.localhost>"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  // How long a stopping web server keeps serving new requests (with Connection: close) while load balancers
  // notice its 503 on /api/health; read by the web server itself (lib/server/web-server.mjs).
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(5000),
  ...renderSettings.shape,
  // "1" lets smtp:// to another machine run without STARTTLS (lib/email/smtp-security.mjs).
  SMTP_INSECURE: z.enum(["0", "1", ""]).default("").transform((v) => v === "1"),
  // Proxies whose X-Forwarded-For is believed (lib/server/client-ip.mjs); read by the web server itself.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((v, c) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        c.addIssue({ code: "custom", message: `has ${(e as Error).message} (use addresses or CIDR ranges, comma-separated, or "loopback")` });
      }
    }),
});

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & {
  /** The portal's public address: APP_URL, or http://localhost:PORT in development. */
  APP_URL: string;
  /** Whether APP_URL was set: then it is the only origin the portal's forms and routes accept. */
  appUrlConfigured: boolean;
};

/**
 * `production` (default: NODE_ENV is "production", as in every process of a production build; the production
 * start also asks for it under `npm run dev`) refuses a NEXTAUTH_SECRET that is easy to guess. Development
 * generates a random one (lib/dev/local-secrets.mjs); tests may use any.
 */
export function parseEnv(source: Record<string, string | undefined>, { production }: { production?: boolean } = {}): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const problem = source[name] === undefined ? "is not set" : issue.message;
    throw new EnvError(`Configuration error: ${name} ${problem}. See .env.example.`);
  }
  const weakness = (production ?? result.data.NODE_ENV === "production") ? secretWeakness(result.data.NEXTAUTH_SECRET) : null;
  if (weakness) throw new EnvError(`Configuration error: NEXTAUTH_SECRET is too easy to guess (${weakness}): make a random one with \`openssl rand -base64 32\`. See .env.example.`);
  const { APP_URL, ...rest } = result.data;
  return { ...rest, APP_URL: (APP_URL ?? `http://localhost:${rest.PORT}`).replace(/\/+$/, ""), appUrlConfigured: APP_URL !== undefined };
}

export class EnvError extends Error {}

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
