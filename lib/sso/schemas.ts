import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";

// Addresses anyone can get: a provider that spoke for one of these would speak for strangers.
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "yandex.com",
  "zoho.com",
  "fastmail.com",
]);

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
export const MAX_DOMAINS = 20;

/** The part of an address after its last "@", lower-case: what the sign-in page looks a clinic up by. */
export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** Domains typed one per line or separated by commas or spaces ("@" in front is dropped); each is checked. */
export const domainsSchema = z
  .string()
  .max(4000, "Use at most 4000 characters.")
  .transform((text) => [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, ""))
        .filter(Boolean),
    ),
  ])
  .superRefine((domains, ctx) => {
    if (domains.length === 0)
      ctx.addIssue({ code: "custom", message: "Enter at least one email domain, such as riverside.example." });
    if (domains.length > MAX_DOMAINS)
      ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_DOMAINS} domains.` });
    for (const d of domains) {
      if (!DOMAIN.test(d))
        ctx.addIssue({ code: "custom", message: `“${d.slice(0, 80)}” is not a domain name like riverside.example.` });
      else if (PUBLIC_MAIL_DOMAINS.has(d))
        ctx.addIssue({
          code: "custom",
          message: `${d} is a public mail service: anyone can have an address there, so no clinic's sign-in can speak for it.`,
        });
    }
  });

const isLoopback = (host: string) => host === "127.0.0.1" || host === "localhost" || host === "[::1]";

/** http is accepted for a provider on this machine only (a test provider, a bridge running beside the portal). */
export const allowsPlainHttp = (url: URL) => url.protocol === "http:" && isLoopback(url.hostname);

/**
 * The URL of a server the portal signs in to (an identity provider's issuer, an EHR's FHIR base): in full,
 * https (http only on this machine), no query, fragment or user name. `name` begins the messages ("The
 * issuer"), `missing` is the message for an empty field, `example` shows the shape.
 */
export const serverUrlSchema = (name: string, missing: string, example: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(500, "Use at most 500 characters.")
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return ctx.addIssue({
          code: "custom",
          message: `Enter ${name.replace(/^The /, "the ")} in full, such as ${example}.`,
        });
      }
      if (url.search || url.hash || url.username || url.password)
        ctx.addIssue({ code: "custom", message: `${name} has no query, fragment or user name in it.` });
      else if (url.protocol !== "https:" && !allowsPlainHttp(url))
        ctx.addIssue({ code: "custom", message: `${name} must start with https://.` });
    });

const issuerSchema = serverUrlSchema(
  "The issuer URL",
  "Enter the issuer URL your identity provider shows for this app.",
  "https://login.example.org/realms/clinic",
);

const checkbox = z.preprocess((v) => v === "on" || v === true, z.boolean());

export const ssoSettingsSchema = z
  .object({
    issuer: issuerSchema,
    clientId: z.string().trim().min(1, "Enter the client ID.").max(500, "Use at most 500 characters."),
    // Empty keeps the secret already saved.
    clientSecret: z
      .string()
      .max(2000, "Use at most 2000 characters.")
      .optional()
      .transform((v) => v?.trim() || undefined),
    domains: domainsSchema,
    enabled: checkbox,
    allowJit: checkbox,
    requireSso: checkbox,
  })
  .refine((v) => v.enabled || !v.requireSso, {
    path: ["requireSso"],
    message: "Turn single sign-on on before requiring it.",
  });

export type SsoSettingsInput = z.output<typeof ssoSettingsSchema>;

export const startSignOnSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(2000).optional() });
