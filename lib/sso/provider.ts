import "server-only";
import * as oidc from "openid-client";
import { allowsPlainHttp } from "@/lib/sso/schemas";
import type { SsoRefusal } from "@/lib/sso/refusals";

// Each request to a provider (discovery, keys, token, userinfo) may take this long: a sign-in waits for it.
const TIMEOUT_S = 10;

export const SSO_SCOPE = "openid email profile";

/**
 * A clinic's provider as openid-client sees it, from its discovery document (fetched for each sign-in and
 * each save of the settings: a provider that changed its keys or endpoints is followed at once). The client
 * authenticates with its secret in the Authorization header, the default most providers register.
 */
export async function discoverProvider(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  return oidc.discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
    timeout: TIMEOUT_S,
    execute: allowsPlainHttp(url) ? [oidc.allowInsecureRequests] : [],
  });
}

const isNetworkError = (e: unknown) =>
  e instanceof TypeError || (e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError"));

/** What went wrong talking to a provider, as a refusal code for the sign-in page. */
export function refusalOf(err: unknown): SsoRefusal {
  if (isNetworkError(err)) return "provider_unreachable";
  if (err instanceof oidc.AuthorizationResponseError) return "provider_error";
  if (err instanceof oidc.ResponseBodyError) return err.error === "invalid_grant" ? "code_rejected" : "provider_error";
  if (err instanceof oidc.ClientError) {
    const cause = err.cause as { message?: string; cause?: { claim?: string } } | undefined;
    if (/"state"/.test(cause?.message ?? "") || cause?.cause?.claim === "nonce") return "state_mismatch";
    if (err.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || err.code === "OAUTH_RESPONSE_IS_NOT_JSON")
      return "provider_unreachable";
    return "token_invalid";
  }
  throw err;
}

/** One line for the owner saving the settings: why the provider's configuration could not be read. */
export function describeDiscoveryError(issuer: string, err: unknown): string {
  const where = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  if (isNetworkError(err)) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return `The portal could not reach ${where} (${cause?.code ?? cause?.message ?? (err as Error).message}). Check the issuer URL, and that the provider can be reached from the portal's server.`;
  }
  if (err instanceof oidc.ClientError) {
    const detail = (err.cause as { message?: string } | undefined)?.message ?? err.message;
    return `${where} did not answer with a usable OpenID configuration (${detail}). Check the issuer URL: it must be exactly the "issuer" the provider publishes.`;
  }
  throw err;
}
