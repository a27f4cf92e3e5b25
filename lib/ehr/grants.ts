import "server-only";
import * as oidc from "openid-client";
import { db, type Tx } from "@/lib/db";
import { open, seal } from "@/lib/accounts/secret-box";
import type { Connection } from "@/lib/ehr/connection";
import { oauthClient } from "@/lib/ehr/oauth-client";
import { fetchSmartConfig } from "@/lib/ehr/smart-config";

// A member's tokens at the clinic's EHR. Sealed for the clinic and member (a row copied elsewhere does not
// open), used only by the server (the patient context at launch, the worker's filings), refreshed when they
// run out, and replaced by the next launch.
const context = (clinicId: string, userId: string) => `ehr-grant:${clinicId}:${userId}`;
const pendingContext = (clinicId: string) => `ehr-pending-grant:${clinicId}`;

export type Tokens = { accessToken: string; refreshToken: string | null; expiresAt: number; scope: string };

export function tokensOf(response: oidc.TokenEndpointResponse): Tokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    expiresAt: Date.now() + (response.expires_in ?? 300) * 1000,
    scope: response.scope ?? "",
  };
}

export const sealPendingGrant = (clinicId: string, tokens: Tokens) =>
  seal(JSON.stringify(tokens), pendingContext(clinicId));

export function openPendingGrant(clinicId: string, sealed: string): Tokens | null {
  const text = open(sealed, pendingContext(clinicId));
  return text ? (JSON.parse(text) as Tokens) : null;
}

export async function saveGrant(tx: Tx, conn: { id: string; clinicId: string }, userId: string, tokens: Tokens) {
  const data = {
    scope: tokens.scope.slice(0, 2000),
    accessToken: seal(tokens.accessToken, context(conn.clinicId, userId)),
    refreshToken: tokens.refreshToken ? seal(tokens.refreshToken, context(conn.clinicId, userId)) : null,
    expiresAt: new Date(tokens.expiresAt),
  };
  await tx.ehrGrant.upsert({
    where: { connectionId_userId: { connectionId: conn.id, userId } },
    create: { clinicId: conn.clinicId, connectionId: conn.id, userId, ...data },
    update: data,
  });
}

export class GrantGone extends Error {
  constructor() {
    super("The EHR no longer accepts the portal's access for this clinician: launch the portal from the EHR again.");
  }
}

/**
 * A working access token of `userId` at the connection's EHR: the stored one while it has a minute left, else
 * a refreshed one (stored at once: a refresh token may be used only once). No refresh token, or the EHR
 * refusing it: GrantGone, which the caller shows as "launch again". `force` refreshes even an unexpired token
 * (the EHR answered 401 to it).
 */
export async function accessTokenFor(conn: Connection, userId: string, force = false): Promise<string> {
  const grant = await db.ehrGrant.findUnique({ where: { connectionId_userId: { connectionId: conn.id, userId } } });
  if (!grant) throw new GrantGone();
  const ctx = context(conn.clinicId, userId);
  const access = open(grant.accessToken, ctx);
  if (access && !force && grant.expiresAt.getTime() > Date.now() + 60_000) return access;
  const refresh = grant.refreshToken ? open(grant.refreshToken, ctx) : null;
  if (!refresh) throw new GrantGone();
  let response: oidc.TokenEndpointResponse;
  try {
    const client = await oauthClient(await fetchSmartConfig(conn.fhirBaseUrl), conn);
    response = await oidc.refreshTokenGrant(client, refresh);
  } catch (err) {
    if (err instanceof oidc.ResponseBodyError) throw new GrantGone();
    throw err;
  }
  const tokens = tokensOf(response);
  // Some servers do not rotate the refresh token: keep the one that still works.
  tokens.refreshToken ??= refresh;
  await saveGrant(db, conn, userId, tokens);
  return tokens.accessToken;
}
