import "server-only";
import * as oidc from "openid-client";
import { recordAudit } from "@/lib/audit/mutations";
import type { RequestInfo } from "@/lib/request-info";
import { findConnection, registrationUrls } from "@/lib/ehr/connection";
import { LAUNCH_TTL_MS, sealLaunchFlow } from "@/lib/ehr/flow-cookie";
import { oauthClient } from "@/lib/ehr/oauth-client";
import type { LaunchRefusal } from "@/lib/ehr/refusals";
import { fetchSmartConfig, launchScopes, normaliseBase } from "@/lib/ehr/smart-config";

export type LaunchStart = { ok: true; url: string; flowCookie: string } | { ok: false; reason: LaunchRefusal };

/**
 * The EHR opened the portal's launch URL (`iss` and `launch` given: an EHR launch), or a clinician started
 * from the portal (neither: a standalone launch, where the EHR asks which patient). The `iss` must be the FHIR
 * server this connection names: a launch from any other server is refused and audited, so a look-alike server
 * cannot send its tokens and patients into the clinic. The authorization request: code flow, PKCE S256,
 * `state`, `nonce`, `aud` = the FHIR server, the `launch` handle passed back. Nothing is written but the cookie.
 */
export async function startLaunch(
  connectionId: string,
  query: { iss?: string | null; launch?: string | null },
  info: RequestInfo,
): Promise<LaunchStart> {
  const conn = await findConnection({ id: connectionId });
  if (!conn) return { ok: false, reason: "not_configured" };
  const ehrLaunch = Boolean(query.launch);
  if ((query.iss || ehrLaunch) && normaliseBase(query.iss ?? "") !== conn.fhirBaseUrl) {
    await recordAudit({
      action: "auth.ehr_refused",
      clinicId: conn.clinicId,
      metadata: { reason: "iss_mismatch", iss: (query.iss ?? "").slice(0, 300) },
      ...info,
    });
    return { ok: false, reason: "iss_mismatch" };
  }
  let url: URL;
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  try {
    const config = await fetchSmartConfig(conn.fhirBaseUrl);
    const client = await oauthClient(config, conn);
    url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: registrationUrls(conn.id).redirectUri,
      scope: launchScopes(config, ehrLaunch),
      aud: conn.fhirBaseUrl,
      ...(ehrLaunch ? { launch: query.launch! } : {}),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  } catch {
    return { ok: false, reason: "ehr_unreachable" };
  }
  const flowCookie = sealLaunchFlow({ connectionId, state, nonce, verifier, expiresAt: Date.now() + LAUNCH_TTL_MS });
  return { ok: true, url: url.href, flowCookie };
}
