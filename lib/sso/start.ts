import "server-only";
import * as oidc from "openid-client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { FLOW_TTL_MS, sealFlow } from "@/lib/sso/flow-cookie";
import { discoverProvider, SSO_SCOPE } from "@/lib/sso/provider";
import { findClinicProvider, ssoRedirectUri } from "@/lib/sso/settings";
import { domainOf } from "@/lib/sso/schemas";

/**
 * "Sign in with single sign-on": the clinic whose single sign-on speaks for the address's domain, and the
 * authorization request to its provider (code flow, PKCE S256, state and nonce). Returns where to send the
 * browser and the sealed flow for its cookie. Nothing is written.
 */
export async function startSignOn(email: string, callbackUrl = "/"): Promise<{ url: string; flowCookie: string }> {
  const domain = domainOf(email);
  const claim = await db.ssoDomain.findUnique({ where: { domain }, select: { clinicId: true } });
  const provider = claim ? await findClinicProvider(claim.clinicId) : null;
  if (!provider) {
    const message = `No clinic signs in with single sign-on for addresses at ${domain}. Sign in with your email and password instead.`;
    throw new AppError("NOT_FOUND", message, { email: [message] });
  }
  let config: oidc.Configuration;
  try {
    config = await discoverProvider(provider.issuer, provider.clientId, provider.clientSecret);
  } catch {
    const message = `Your clinic's identity provider (${new URL(provider.issuer).host}) could not be reached. Try again in a few minutes.`;
    throw new AppError("BAD_REQUEST", message);
  }
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(),
    scope: SSO_SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: email,
  });
  const flowCookie = sealFlow({
    clinicId: provider.clinicId,
    state,
    nonce,
    verifier,
    callbackUrl: safeCallbackPath(callbackUrl),
    expiresAt: Date.now() + FLOW_TTL_MS,
  });
  return { url: url.href, flowCookie };
}
