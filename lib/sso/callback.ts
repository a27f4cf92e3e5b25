import "server-only";
import * as oidc from "openid-client";
import { recordAudit } from "@/lib/audit/mutations";
import { emailSchema } from "@/lib/accounts/schemas";
import type { RequestInfo } from "@/lib/request-info";
import { signInVerified } from "@/lib/sso/accounts";
import { openFlow } from "@/lib/sso/flow-cookie";
import { discoverProvider, refusalOf } from "@/lib/sso/provider";
import type { SsoRefusal } from "@/lib/sso/refusals";
import { domainOf } from "@/lib/sso/schemas";
import { findClinicProvider, ssoRedirectUri } from "@/lib/sso/settings";

export type SignOnOutcome =
  | { ok: true; userId: string; sessionId: string; clinicId: string; redirectTo: string }
  | { ok: false; reason: SsoRefusal };

/**
 * The provider sent the browser back (`query`: the callback's query string) with the flow cookie it started
 * with. The code is exchanged with the PKCE verifier, the state and the ID token (signature, issuer,
 * audience, expiry, nonce) are checked by openid-client, then the portal's own rules: a verified email, in
 * one of the clinic's domains, of someone who may sign in there (lib/sso/accounts.ts). Every refusal signs
 * nobody in and is audited in the clinic's log (but a callback without a flow of this browser's, which names
 * no clinic); success is a session like any other (an AuthSession row, "Signed in").
 */
export async function completeSignOn(
  query: string,
  flowCookie: string | undefined,
  info: RequestInfo,
): Promise<SignOnOutcome> {
  const flow = openFlow(flowCookie);
  // Not audited: it names no clinic and no person, and anyone could fill the log with it.
  if (!flow) return { ok: false, reason: "no_flow" };
  const { clinicId } = flow;
  const provider = await findClinicProvider(clinicId);
  if (!provider) return refuse(clinicId, "not_configured", info);

  let claims: { sub: string; issuer: string; email?: unknown; email_verified?: unknown; name?: unknown };
  try {
    const config = await discoverProvider(provider.issuer, provider.clientId, provider.clientSecret);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${ssoRedirectUri()}${query}`), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many providers put the email in the ID token; others (oidc-provider by default) only in userinfo.
    const userinfo =
      idToken.email === undefined || idToken.email_verified === undefined
        ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)
        : {};
    claims = { ...userinfo, ...idToken, issuer: config.serverMetadata().issuer };
  } catch (err) {
    return refuse(clinicId, refusalOf(err), info);
  }

  const email = typeof claims.email === "string" ? emailSchema.safeParse(claims.email) : null;
  if (!email?.success) return refuse(clinicId, "email_missing", info);
  const seen = { email: email.data };
  if (claims.email_verified !== true) return refuse(clinicId, "email_unverified", info, seen);
  if (!provider.domains.includes(domainOf(email.data))) return refuse(clinicId, "domain_not_allowed", info, seen);

  const person = {
    clinicId,
    issuer: claims.issuer,
    subject: claims.sub,
    email: email.data,
    name: typeof claims.name === "string" ? claims.name.trim().slice(0, 100) || null : null,
  };
  // Two first sign-ins of one new address at once: the second finds the account the first made.
  const result = await signInVerified(person, provider, info).catch((err) =>
    (err as { code?: string }).code === "P2002" ? signInVerified(person, provider, info) : Promise.reject(err),
  );
  if (!result.ok) return refuse(clinicId, result.reason, info, seen);
  return {
    ok: true,
    userId: result.userId,
    sessionId: result.sessionId,
    clinicId,
    redirectTo: flow.callbackUrl !== "/" ? flow.callbackUrl : `/clinics/${clinicId}`,
  };
}

async function refuse(
  clinicId: string | null,
  reason: SsoRefusal,
  info: RequestInfo,
  seen: { email?: string } = {},
): Promise<SignOnOutcome> {
  await recordAudit({ action: "auth.sso_refused", clinicId, metadata: { reason, ...seen }, ...info });
  return { ok: false, reason };
}
