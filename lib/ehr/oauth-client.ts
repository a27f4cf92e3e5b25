import "server-only";
import * as oidc from "openid-client";
import { openClientKey, openClientSecret, type PublicJwk } from "@/lib/ehr/client-keys";
import type { SmartConfig } from "@/lib/ehr/smart-config";
import { allowsPlainHttp } from "@/lib/sso/schemas";

export type ConnectionSecrets = {
  clinicId: string;
  clientId: string;
  authMethod: string;
  clientSecret: string | null;
  privateKey: string;
  publicJwk: unknown;
};

/**
 * openid-client configured for one clinic's EHR from its SMART configuration (not OpenID discovery: a SMART
 * server's sign-in endpoints are published beside the FHIR base). Client authentication: a client assertion
 * signed with the clinic's key, whose `aud` is the token endpoint as SMART asks (openid-client's default is
 * the issuer), or the client secret in the Authorization header.
 */
export async function oauthClient(config: SmartConfig, conn: ConnectionSecrets): Promise<oidc.Configuration> {
  let auth: oidc.ClientAuth;
  if (conn.authMethod === "private_key_jwt") {
    const key = await openClientKey(conn.clinicId, conn.privateKey, (conn.publicJwk as PublicJwk).kid);
    if (!key) throw new Error("The clinic's EHR key cannot be opened (was DATA_ENCRYPTION_KEY changed?).");
    auth = oidc.PrivateKeyJwt(key, {
      [oidc.modifyAssertion]: (_header: unknown, payload: Record<string, unknown>) => {
        payload.aud = config.token_endpoint;
      },
    });
  } else {
    const secret = conn.clientSecret ? openClientSecret(conn.clinicId, conn.clientSecret) : null;
    if (!secret) throw new Error("The clinic's EHR client secret cannot be opened.");
    auth = oidc.ClientSecretBasic(secret);
  }
  const client = new oidc.Configuration(
    {
      issuer: config.issuer ?? new URL(config.authorization_endpoint).origin,
      authorization_endpoint: config.authorization_endpoint,
      token_endpoint: config.token_endpoint,
      jwks_uri: config.jwks_uri,
    },
    conn.clientId,
    undefined,
    auth,
  );
  if (allowsPlainHttp(new URL(config.token_endpoint))) oidc.allowInsecureRequests(client);
  client.timeout = 15;
  return client;
}
