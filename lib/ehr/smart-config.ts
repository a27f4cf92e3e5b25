import "server-only";
import { z } from "zod";
import { FhirHttpError, fhirFetch } from "@/lib/ehr/fhir-http";

// SMART App Launch 2: an EHR publishes how to sign in to it at <FHIR base>/.well-known/smart-configuration.
// It is read for each launch and each save of the settings, so a server that moved its endpoints or keys is
// followed at once.
const smartConfigSchema = z.object({
  issuer: z.string().url().optional(),
  jwks_uri: z.string().url().optional(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).default([]),
});

export type SmartConfig = z.infer<typeof smartConfigSchema>;

export const normaliseBase = (url: string) => url.trim().replace(/\/+$/, "");

export async function fetchSmartConfig(fhirBaseUrl: string): Promise<SmartConfig> {
  const where = `${normaliseBase(fhirBaseUrl)}/.well-known/smart-configuration`;
  const { body } = await fhirFetch(where);
  const parsed = smartConfigSchema.safeParse(body);
  if (!parsed.success)
    throw new FhirHttpError(
      `${where} is not a SMART configuration (it needs authorization_endpoint and token_endpoint).`,
      "format",
    );
  return parsed.data;
}

/**
 * The scopes a launch asks for: who the user is (openid fhirUser), the launch context, a refresh token for
 * filing after the clinician has moved on, reading the patient and their conditions, and writing the
 * handout's DocumentReference and the Communication of each email. SMART v2 (`.rs`, `.cru`) or v1 (`.read`,
 * `.write`).
 */
function scopesFor(v2: boolean, ehrLaunch: boolean): string[] {
  const read = v2 ? "rs" : "read";
  const write = v2 ? "cru" : "write";
  return [
    "openid",
    "fhirUser",
    ehrLaunch ? "launch" : "launch/patient",
    "offline_access",
    `patient/Patient.${read}`,
    `patient/Condition.${read}`,
    `patient/DocumentReference.${write}`,
    `patient/Communication.${v2 ? "cr" : "write"}`,
  ];
}

/** v2 syntax when the server says it speaks it, v1 when it says only that. */
export function launchScopes(config: SmartConfig, ehrLaunch: boolean): string {
  const v2 = config.capabilities.includes("permission-v2") || !config.capabilities.includes("permission-v1");
  return scopesFor(v2, ehrLaunch).join(" ");
}

/** What the owner registers in the EHR (Settings): the scopes of both kinds of launch, in SMART v2 syntax. */
export const REGISTERED_SCOPES = [...new Set([...scopesFor(true, true), ...scopesFor(true, false)])].join(" ");

/** What the SMART configuration lacks for the portal to work as a confidential client with PKCE. */
export function configProblems(config: SmartConfig, authMethod: string): string[] {
  const problems: string[] = [];
  const methods = config.token_endpoint_auth_methods_supported;
  if (methods && !methods.includes(authMethod))
    problems.push(`The EHR does not accept ${authMethod} at its token endpoint (it offers ${methods.join(", ")}).`);
  if (config.code_challenge_methods_supported && !config.code_challenge_methods_supported.includes("S256"))
    problems.push("The EHR does not support PKCE with S256, which SMART App Launch 2 requires.");
  if (!config.issuer || !config.jwks_uri)
    problems.push("The EHR publishes no OpenID issuer and keys, so it cannot say who the user is (fhirUser).");
  return problems;
}
