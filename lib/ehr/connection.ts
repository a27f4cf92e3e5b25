import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { newClientKey, openClientSecret, sealClientSecret } from "@/lib/ehr/client-keys";
import { FhirHttpError } from "@/lib/ehr/fhir-http";
import { configProblems, fetchSmartConfig, normaliseBase } from "@/lib/ehr/smart-config";
import type { EhrSettingsInput } from "@/lib/ehr/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

const clientKeyColumns = (clinicId: string) => {
  const { privateKey, publicJwk } = newClientKey(clinicId);
  return { privateKey, publicJwk: publicJwk as Prisma.InputJsonObject };
};

const OWNER_ONLY = "Only an owner can connect the clinic's EHR.";

/** What the owner registers at the EHR: the launch URL, the redirect URI and the key set URL. */
export function registrationUrls(connectionId: string) {
  const base = env().APP_URL;
  return {
    launchUrl: `${base}/api/ehr/${connectionId}/launch`,
    redirectUri: `${base}/api/ehr/callback`,
    jwksUrl: `${base}/api/ehr/${connectionId}/jwks`,
  };
}

/** The clinic's EHR settings for the settings page (owners and admins see them; owners change them). */
export async function findEhrSettings(ctx: MemberContext) {
  requireRole(ctx, MANAGERS);
  const row = await db.ehrConnection.findUnique({
    where: { clinicId: ctx.clinic.id },
    select: {
      id: true,
      fhirBaseUrl: true,
      clientId: true,
      authMethod: true,
      clientSecret: true,
      preparedFor: true,
      updatedAt: true,
    },
  });
  if (!row) return null;
  const { clientSecret, ...rest } = row;
  return { ...rest, hasSecret: clientSecret !== null, ...registrationUrls(row.id) };
}

/** Whether the clinic has an EHR connected (for the buttons that file to it). */
export async function hasEhr(clinicId: string): Promise<boolean> {
  return (await db.ehrConnection.count({ where: { clinicId } })) > 0;
}

/** The connection with what signing in to it needs, for launches and filings. */
export function findConnection(where: { id: string } | { clinicId: string }) {
  return db.ehrConnection.findUnique({
    where,
    select: {
      id: true,
      clinicId: true,
      fhirBaseUrl: true,
      clientId: true,
      authMethod: true,
      clientSecret: true,
      privateKey: true,
      publicJwk: true,
      preparedFor: true,
    },
  });
}
export type Connection = NonNullable<Awaited<ReturnType<typeof findConnection>>>;

/**
 * The owner connects (or changes) the clinic's EHR. Its SMART configuration is read first, so a mistyped URL,
 * an unreachable server or one that cannot do what the portal needs is refused with nothing written. The
 * portal's key is made on the first save and kept after (the EHR has registered it).
 */
export async function saveEhrSettings(ctx: MemberContext, input: EhrSettingsInput): Promise<void> {
  requireRole(ctx, ["OWNER"], OWNER_ONLY);
  const clinicId = ctx.clinic.id;
  const current = await db.ehrConnection.findUnique({
    where: { clinicId },
    select: { id: true, clientSecret: true },
  });
  let clientSecret: string | null = null;
  if (input.authMethod === "client_secret_basic") {
    const kept = current?.clientSecret ? openClientSecret(clinicId, current.clientSecret) : null;
    const secret = input.clientSecret ?? kept;
    if (!secret) {
      const message = "Enter the client secret the EHR gave the portal.";
      throw new AppError("BAD_REQUEST", message, { clientSecret: [message] });
    }
    clientSecret = sealClientSecret(clinicId, secret);
  }
  try {
    const config = await fetchSmartConfig(input.fhirBaseUrl);
    const problems = configProblems(config, input.authMethod);
    if (problems.length) throw new AppError("BAD_REQUEST", problems.join(" "), { fhirBaseUrl: problems });
  } catch (err) {
    if (!(err instanceof FhirHttpError)) throw err;
    const message = `${err.message} Check the FHIR base URL: the portal reads ${normaliseBase(input.fhirBaseUrl)}/.well-known/smart-configuration.`;
    throw new AppError("BAD_REQUEST", message, { fhirBaseUrl: [message] });
  }
  const data = {
    fhirBaseUrl: input.fhirBaseUrl,
    clientId: input.clientId,
    authMethod: input.authMethod,
    clientSecret,
    preparedFor: input.preparedFor,
  };
  await db.$transaction(async (tx) => {
    const row = current
      ? await tx.ehrConnection.update({ where: { clinicId }, data, select: { id: true } })
      : await tx.ehrConnection.create({
          data: { clinicId, ...data, ...clientKeyColumns(clinicId) },
          select: { id: true },
        });
    const metadata = {
      fhirBaseUrl: input.fhirBaseUrl,
      authMethod: input.authMethod,
      preparedFor: input.preparedFor,
      created: current === null,
    };
    await auditMember(ctx, { action: "clinic.ehr_changed", targetType: "clinic", targetId: row.id, metadata }, tx);
  });
}
