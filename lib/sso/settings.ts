import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { open, seal } from "@/lib/accounts/secret-box";
import { hasSecondFactor } from "@/lib/accounts/second-factor";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { describeDiscoveryError, discoverProvider } from "@/lib/sso/provider";
import type { SsoSettingsInput } from "@/lib/sso/schemas";

const OWNER_ONLY = "Only an owner can change how the clinic signs in.";

/** Where providers send the browser back: registered at the provider as the client's redirect URI. */
export const ssoRedirectUri = () => `${env().APP_URL}/api/sso/callback`;

// The secret is sealed for its clinic: a sealed value copied into another clinic's row does not open.
const secretContext = (clinicId: string) => `sso-client-secret:${clinicId}`;

/** The clinic's settings for its owner's page; the secret itself is never shown again, only whether there is one. */
export async function findSsoSettings(ctx: MemberContext) {
  requireRole(ctx, ["OWNER"], OWNER_ONLY);
  const row = await db.clinicSso.findUnique({
    where: { clinicId: ctx.clinic.id },
    select: {
      issuer: true,
      clientId: true,
      enabled: true,
      allowJit: true,
      requireSso: true,
      updatedAt: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  return row ? { ...row, domains: row.domains.map((d) => d.domain) } : null;
}

/** For the settings page (owners and admins): whether and how the clinic signs in through its provider. */
export async function findSsoSummary(ctx: MemberContext) {
  requireRole(ctx, MANAGERS);
  const row = await db.clinicSso.findUnique({
    where: { clinicId: ctx.clinic.id },
    select: {
      enabled: true,
      allowJit: true,
      requireSso: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  return row ? { ...row, domains: row.domains.map((d) => d.domain) } : null;
}

/** What a sign-on needs of a clinic's provider, with its secret opened; null when the clinic has none switched on. */
export async function findClinicProvider(clinicId: string) {
  const row = await db.clinicSso.findUnique({
    where: { clinicId },
    select: {
      clinicId: true,
      issuer: true,
      clientId: true,
      clientSecretSealed: true,
      enabled: true,
      allowJit: true,
      domains: { select: { domain: true } },
    },
  });
  if (!row?.enabled) return null;
  const clientSecret = open(row.clientSecretSealed, secretContext(clinicId));
  if (clientSecret === null) return null;
  return {
    clinicId,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret,
    allowJit: row.allowJit,
    domains: row.domains.map((d) => d.domain),
  };
}

/**
 * The owner saves the provider, the domains and the switches. The provider's discovery document is read
 * first, so a mistyped issuer or an unreachable provider is refused before anything is written; then the
 * settings, the domains and the audit event are written in one transaction. A domain belongs to one clinic.
 */
export async function updateSsoSettings(ctx: MemberContext, input: SsoSettingsInput): Promise<void> {
  requireRole(ctx, ["OWNER"], OWNER_ONLY);
  const clinicId = ctx.clinic.id;
  const current = await db.clinicSso.findUnique({
    where: { clinicId },
    select: { clientSecretSealed: true, issuer: true, clientId: true },
  });
  const clientSecret =
    input.clientSecret ?? (current ? open(current.clientSecretSealed, secretContext(clinicId)) : null);
  if (!clientSecret) {
    const message = current
      ? "The saved client secret can no longer be read (the encryption key changed): enter it again."
      : "Enter the client secret.";
    throw new AppError("BAD_REQUEST", message, { clientSecret: [message] });
  }
  if (input.requireSso && !(await hasSecondFactor(ctx.user.id))) {
    const message =
      "Set up your own two-step sign-in first (Profile, then Two-step sign-in): with single sign-on required, an owner's password works only together with it.";
    throw new AppError("CONFLICT", message, { requireSso: [message] });
  }
  const taken = await db.ssoDomain.findMany({
    where: { domain: { in: input.domains }, clinicId: { not: clinicId } },
    select: { domain: true },
  });
  if (taken.length) throw domainsTaken(taken.map((t) => t.domain));
  try {
    await discoverProvider(input.issuer, input.clientId, clientSecret);
  } catch (err) {
    const message = describeDiscoveryError(input.issuer, err);
    throw new AppError("BAD_REQUEST", message, { issuer: [message] });
  }

  const data = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretSealed: seal(clientSecret, secretContext(clinicId)),
    enabled: input.enabled,
    allowJit: input.allowJit,
    requireSso: input.requireSso,
    updatedById: ctx.user.id,
  };
  try {
    await db.$transaction(async (tx) => {
      await tx.clinicSso.upsert({ where: { clinicId }, create: { clinicId, ...data }, update: data });
      await tx.ssoDomain.deleteMany({ where: { clinicId, domain: { notIn: input.domains } } });
      await tx.ssoDomain.createMany({
        data: input.domains.map((domain) => ({ domain, clinicId })),
        skipDuplicates: true,
      });
      // skipDuplicates also skips a domain another clinic took meanwhile: count what is really ours.
      const ours = await tx.ssoDomain.count({ where: { clinicId } });
      if (ours !== input.domains.length) throw domainsTaken([]);
      const metadata = {
        issuer: input.issuer,
        domains: input.domains,
        enabled: input.enabled,
        allowJit: input.allowJit,
        requireSso: input.requireSso,
        secretChanged: input.clientSecret !== undefined && current !== null,
        created: current === null,
      };
      await auditMember(ctx, { action: "clinic.sso_changed", targetType: "clinic", targetId: clinicId, metadata }, tx);
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw domainsTaken([]);
    throw err;
  }
}

function domainsTaken(domains: string[]): AppError {
  const message = domains.length
    ? `${domains.join(", ")} ${domains.length === 1 ? "is" : "are"} already used by another clinic's single sign-on. Each domain can belong to one clinic.`
    : "One of these domains was just taken by another clinic's single sign-on. Each domain can belong to one clinic.";
  return new AppError("CONFLICT", message, { domains: [message] });
}
