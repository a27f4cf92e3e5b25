import "server-only";
import * as oidc from "openid-client";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { hashToken, newToken } from "@/lib/accounts/tokens";
import type { RequestInfo } from "@/lib/request-info";
import { findConnection, registrationUrls, type Connection } from "@/lib/ehr/connection";
import { FhirHttpError } from "@/lib/ehr/fhir-http";
import { openLaunchFlow } from "@/lib/ehr/flow-cookie";
import { saveGrant, sealPendingGrant, tokensOf, type Tokens } from "@/lib/ehr/grants";
import { oauthClient } from "@/lib/ehr/oauth-client";
import { readPatientContext } from "@/lib/ehr/patient-context";
import type { LaunchRefusal } from "@/lib/ehr/refusals";
import { fetchSmartConfig } from "@/lib/ehr/smart-config";

export const LAUNCH_CONTEXT_MS = 12 * 3_600_000;
const LINK_MS = 10 * 60_000;

export type LaunchOutcome =
  | { kind: "refused"; reason: LaunchRefusal }
  // A linked EHR user: the member to sign in (if this browser is not already), and the launch to open.
  | { kind: "linked"; userId: string; clinicId: string; launchId: string }
  // An EHR user not linked yet: the browser's token that lets a signed-in member of the clinic link it.
  | { kind: "link"; linkToken: string; clinicId: string };

type Context = { patient: string; encounter: string | null; fhirUser: string };

/**
 * The EHR sent the browser back. openid-client checks the state, exchanges the code with the verifier and the
 * clinic's client authentication, and verifies the ID token (signature, issuer, audience, expiry, nonce).
 * SMART's launch context comes with the tokens: `patient`, `encounter`, and `fhirUser` in the ID token. The
 * patient's name (for "Prepared for") and active conditions are read with the new token. Then the EHR user
 * is looked up: linked to a member of the clinic, the launch opens for them; linked to someone who is no
 * longer a member, refused and audited; not linked, the launch waits 10 minutes for a member to link it.
 */
export async function completeLaunch(
  query: string,
  flowCookie: string | undefined,
  info: RequestInfo,
): Promise<LaunchOutcome> {
  const flow = openLaunchFlow(flowCookie);
  if (!flow) return { kind: "refused", reason: "no_flow" };
  const conn = await findConnection({ id: flow.connectionId });
  if (!conn) return { kind: "refused", reason: "not_configured" };
  const refuse = async (reason: LaunchRefusal, metadata: Record<string, string> = {}): Promise<LaunchOutcome> => {
    await recordAudit({
      action: "auth.ehr_refused",
      clinicId: conn.clinicId,
      metadata: { reason, ...metadata },
      ...info,
    });
    return { kind: "refused", reason };
  };

  let tokens: Tokens;
  let ctx: Context;
  try {
    const client = await oauthClient(await fetchSmartConfig(conn.fhirBaseUrl), conn);
    const response = await oidc.authorizationCodeGrant(
      client,
      new URL(`${registrationUrls(conn.id).redirectUri}${query}`),
      { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
    );
    tokens = tokensOf(response);
    const claims = response.claims();
    // SMART 2 names the user in `fhirUser`; SMART 1 servers in `profile`.
    const fhirUser = [claims?.fhirUser, claims?.profile].find((v): v is string => typeof v === "string");
    if (!fhirUser) return refuse("no_user");
    const patient = typeof response.patient === "string" ? response.patient : null;
    if (!patient) return refuse("no_patient", { fhirUser });
    const encounter = typeof response.encounter === "string" ? `Encounter/${response.encounter}` : null;
    ctx = { patient, encounter, fhirUser: relativeRef(fhirUser) };
  } catch (err) {
    return refuse(refusalOf(err));
  }

  const identity = await db.ehrIdentity.findUnique({
    where: { connectionId_fhirUser: { connectionId: conn.id, fhirUser: ctx.fhirUser } },
    select: { id: true, userId: true, user: { select: { disabledAt: true } } },
  });
  const member =
    identity && !identity.user.disabledAt
      ? await db.membership.findUnique({
          where: { userId_clinicId: { userId: identity.userId, clinicId: conn.clinicId } },
          select: { id: true },
        })
      : null;
  if (identity && !member) return refuse("not_member", { fhirUser: ctx.fhirUser });

  let patientContext;
  try {
    patientContext = await readPatientContext(conn.fhirBaseUrl, tokens.accessToken, ctx.patient, conn.preparedFor);
  } catch (err) {
    return refuse(err instanceof FhirHttpError && err.kind === "network" ? "ehr_unreachable" : "ehr_error");
  }
  const launch = {
    clinicId: conn.clinicId,
    connectionId: conn.id,
    patient: `Patient/${ctx.patient}`,
    encounter: ctx.encounter,
    fhirUser: ctx.fhirUser,
    preparedFor: patientContext.preparedFor,
    conditions: patientContext.conditions,
  };
  if (!identity) {
    const { token, tokenHash } = newToken();
    await db.ehrLaunch.create({
      data: {
        ...launch,
        pendingGrant: sealPendingGrant(conn.clinicId, tokens),
        linkTokenHash: tokenHash,
        expiresAt: new Date(Date.now() + LINK_MS),
      },
    });
    return { kind: "link", linkToken: token, clinicId: conn.clinicId };
  }
  const launchId = await db.$transaction(async (tx) => {
    await saveGrant(tx, conn, identity.userId, tokens);
    await tx.ehrIdentity.update({ where: { id: identity.id }, data: { lastUsedAt: new Date() } });
    const row = await tx.ehrLaunch.create({
      data: { ...launch, userId: identity.userId, expiresAt: new Date(Date.now() + LAUNCH_CONTEXT_MS) },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "ehr.launched",
        clinicId: conn.clinicId,
        actorId: identity.userId,
        targetType: "ehr_launch",
        targetId: row.id,
        metadata: { fhirUser: ctx.fhirUser, patient: launch.patient, conditions: launch.conditions.length },
        ...info,
      },
      tx,
    );
    return row.id;
  });
  return { kind: "linked", userId: identity.userId, clinicId: conn.clinicId, launchId };
}

/** `Practitioner/123` from a full URL (`https://ehr/fhir/Practitioner/123`), as SMART allows either. */
export function relativeRef(ref: string): string {
  const m = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
  return m ? m[1]! : ref.slice(0, 200);
}

function refusalOf(err: unknown): LaunchRefusal {
  if (err instanceof FhirHttpError) return err.kind === "network" ? "ehr_unreachable" : "ehr_error";
  if (err instanceof TypeError || (err instanceof Error && /timeout|abort/i.test(err.name))) return "ehr_unreachable";
  if (err instanceof oidc.ClientError) {
    const cause = err.cause as { message?: string; cause?: { claim?: string } } | undefined;
    if (/"state"/.test(cause?.message ?? "") || cause?.cause?.claim === "nonce") return "state_mismatch";
  }
  return "ehr_error";
}

export const linkTokenHash = (token: string) => hashToken(token);
export type { Connection };
