// The test EHR's authorization server: oidc-provider (a certified OpenID provider) taught SMART App Launch 2.x.
// - `launch` and `aud` are extra authorization parameters: an unknown launch id, or an `aud` other than the
//   FHIR base URL, is refused (invalid_request) as SMART asks.
// - Every grant remembers its launch context (EHR launch: the context bound to the launch id; standalone launch
//   with `launch/patient`: the seeded patient, standing in for a patient picker), and a middleware on the token
//   route adds `patient`, `encounter` and `need_patient_banner` to the token response (oidc-provider has no
//   option for extra token-response members; the body is a plain object until Koa sends it).
// - `fhirUser` is a claim of the ID token (conformIdTokenClaims off), e.g. "Practitioner/<id>".
// - An EHR launch signs the clinician in without a form (they are already signed in to the EHR); a standalone
//   launch shows a username/password form.
import crypto from "node:crypto";
import type http from "node:http";
import Provider, { errors, type AdapterPayload, type Grant, type KoaContextWithOIDC } from "oidc-provider";
import { esc, readForm } from "../html-form";
import { memoryAdapter } from "./oidc-adapter";
import { LAUNCH_SCOPES, RESOURCE_SCOPES } from "./smart-scopes";

export type LaunchContext = { patient?: string; encounter?: string; practitioner?: string };

export type SmartAuth = {
  provider: Provider;
  /** The launch context of each grant, by grant id: what the FHIR server holds a patient/ token to. */
  grantContext: Map<string, LaunchContext>;
  /** Every access token issued so far (for expireTokens). */
  issuedTokens: string[];
  handleInteraction(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    uid: string,
    submitted: boolean,
  ): Promise<void>;
};

export type SmartAuthOptions = {
  authServer: string;
  fhirBase: string;
  clients: Map<string, AdapterPayload>;
  launches: Map<string, LaunchContext>;
  /** username → { password, practitioner id } */
  users: Map<string, { password: string; practitionerId: string }>;
  defaultPractitionerId: string;
  standalonePatientId: string;
  accessTokenTtl: number;
  /** fhirUser as an absolute URL ({fhirBase}/Practitioner/<id>, as Epic sends it) instead of "Practitioner/<id>". */
  absoluteFhirUser: boolean;
};

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

export function smartAuth(o: SmartAuthOptions): SmartAuth {
  const grantContext = new Map<string, LaunchContext>();
  const issuedTokens: string[] = [];
  const interactionBase = new URL(o.authServer).pathname.replace(/\/$/, "");

  const provider: Provider = new Provider(o.authServer, {
    adapter: memoryAdapter(o.clients),
    claims: { openid: ["sub"], fhirUser: ["fhirUser"], profile: ["name"] },
    scopes: ["openid", "offline_access", ...LAUNCH_SCOPES, ...RESOURCE_SCOPES],
    conformIdTokenClaims: false,
    extraParams: {
      aud(ctx: KoaContextWithOIDC, value: string | undefined) {
        if (ctx.oidc.route !== "authorization") return;
        if (!value || !sameUrl(value, o.fhirBase))
          throw new errors.InvalidRequest(`aud must be this EHR's FHIR base URL (${o.fhirBase})`);
      },
      launch(ctx: KoaContextWithOIDC, value: string | undefined) {
        if (ctx.oidc.route !== "authorization") return;
        if (value !== undefined && !o.launches.has(value)) throw new errors.InvalidRequest("unknown or expired launch");
      },
    },
    pkce: { required: () => true },
    // oidc-provider refuses to fetch a client's jwks_uri from a special-use address (SSRF protection, kept by a
    // real EHR); the test EHR's clients publish their keys on 127.0.0.1, so loopback alone is let through.
    fetch(url: string | URL | Request, init?: RequestInit & { dispatcher?: unknown }) {
      const host = new URL(url instanceof Request ? url.url : url).hostname;
      if (init && ["127.0.0.1", "localhost", "[::1]"].includes(host)) delete init.dispatcher;
      return fetch(url, init);
    },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true },
      revocation: { enabled: true },
    },
    // SMART asks asymmetric clients for RS384 or ES384; oidc-provider's default list has neither.
    enabledJWA: { clientAuthSigningAlgValues: ["RS256", "RS384", "ES256", "ES384", "PS256", "HS256"] },
    interactions: { url: (_ctx, interaction) => `${interactionBase}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: () => o.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 86400,
      Interaction: 600,
      Session: 3600,
      Grant: 86400,
    },
    jwks: {
      keys: [crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }) as never],
    },
    async findAccount(_ctx, sub) {
      const fhirUser = `${o.absoluteFhirUser ? `${o.fhirBase}/` : ""}Practitioner/${sub}`;
      return { accountId: sub, claims: () => ({ sub, fhirUser }) };
    },
    // Consent is taken as given (the clinic registered the app); the grant records the launch context.
    async loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant> {
      const params = ctx.oidc.params as Record<string, string | undefined>;
      return grantFor(params, ctx.oidc.client!.clientId, ctx.oidc.session!.accountId!);
    },
  });

  async function grantFor(
    params: Record<string, unknown>,
    clientId: string,
    accountId: string,
    grantId?: string,
  ): Promise<Grant> {
    const scope = typeof params.scope === "string" ? params.scope : "openid";
    const launchId = typeof params.launch === "string" ? params.launch : undefined;
    const context: LaunchContext = launchId
      ? { ...o.launches.get(launchId) }
      : scope.split(" ").includes("launch/patient")
        ? { patient: o.standalonePatientId }
        : {};
    const grant: Grant =
      (grantId && (await provider.Grant.find(grantId))) || new provider.Grant({ clientId, accountId });
    grant.addOIDCScope(scope);
    grant.addOIDCClaims(["fhirUser"]);
    const id = await grant.save();
    grantContext.set(id, context);
    return grant;
  }

  // oidc-provider keeps offline_access only when the request says prompt=consent (OpenID Connect Core);
  // SMART apps ask for it without, so the test EHR adds the prompt and answers the consent step by itself.
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    const scope = typeof ctx.query.scope === "string" ? ctx.query.scope : "";
    if (ctx.path === "/auth" && scope.split(" ").includes("offline_access") && !ctx.query.prompt) {
      ctx.query = { ...ctx.query, prompt: "consent" };
      // oidc-provider finds its mount path (/oidc) by looking for the request's URL in the original one.
      (ctx.req as { originalUrl?: string }).originalUrl = `${interactionBase}${ctx.url}`;
    }
    return next();
  });

  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    if (ctx.oidc?.route !== "token" || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown>;
    if (typeof body?.access_token !== "string") return;
    issuedTokens.push(body.access_token);
    const token = await provider.AccessToken.find(body.access_token);
    const context = token?.grantId ? grantContext.get(token.grantId) : undefined;
    if (context?.patient) {
      body.patient = context.patient;
      body.need_patient_banner = true;
    }
    if (context?.encounter) body.encounter = context.encounter;
  });

  async function handleInteraction(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    uid: string,
    submitted: boolean,
  ) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (details.prompt.name === "consent") {
      const grant = await grantFor(
        details.params,
        details.params.client_id as string,
        details.session!.accountId,
        details.grantId,
      );
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId: grant.jti } },
        { mergeWithLastSubmission: true },
      );
    }
    const launchId = typeof details.params.launch === "string" ? details.params.launch : undefined;
    const launch = launchId ? o.launches.get(launchId) : undefined;
    if (launch) {
      const accountId = launch.practitioner ?? o.defaultPractitionerId;
      return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    }
    let problem = "";
    if (submitted) {
      const form = await readForm(req);
      const user = o.users.get(form.get("username")?.trim() ?? "");
      if (user && user.password === form.get("password"))
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.practitionerId } },
          { mergeWithLastSubmission: false },
        );
      problem = `<p role="alert">Unknown username or wrong password.</p>`;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>Test EHR sign-in</title><main><h1>Test EHR</h1>${problem}` +
        `<form method="post" action="${esc(interactionBase)}/interaction/${esc(uid)}/login">` +
        `<p><label>Username <input name="username" autocomplete="username"></label></p>` +
        `<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>` +
        `<button type="submit">Sign in to the EHR</button></form></main></html>`,
    );
  }

  return { provider, grantContext, issuedTokens, handleInteraction };
}
