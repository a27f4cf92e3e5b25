// A test EHR on 127.0.0.1, no network: a SMART App Launch 2.x authorization server (oidc-provider, at
// {origin}/oidc) and a FHIR R4 server (@medplum/fhir-router's in-memory repository, at {origin}/fhir), in one
// HTTP server. Started by the tests (startTestEhr) and by `npm run ehr:dev` (fixed port 4010) for trying by hand.
//
//   discovery   GET {fhir}/.well-known/smart-configuration, GET {fhir}/metadata
//   EHR launch  ehr.launch("https://portal/ehr/launch", { patient, encounter, practitioner }) gives the URL the
//               EHR opens: ?iss={fhir}&launch=<id>. The authorize request must carry that `launch`, `aud`={fhir}
//               and PKCE S256; the clinician is signed in without a form (already in the EHR), as the seeded
//               practitioner unless the launch names another.
//   standalone  no `launch`; scope `launch/patient` picks the seeded patient; a username/password form
//               (ehr.login) signs in.
//   clients     ehr.registerClient({ clientId, redirectUris, jwksUri | jwks (private_key_jwt, RS384/ES384) |
//               clientSecret (client_secret_basic; tokenEndpointAuthMethod for _post) }) at any time.
//   tokens      the token response carries scope, patient, encounter (when the launch had one),
//               need_patient_banner, id_token (claim fhirUser = "Practitioner/<id>", absolute with the option
//               absoluteFhirUser) and refresh_token when offline_access was asked for. Scopes: SMART v2
//               (patient/Condition.rs, patient/DocumentReference.cruds, .c, .u …) and v1 (patient/*.read,
//               patient/DocumentReference.write). The redirect back carries RFC 9207's `iss` = the auth server.
//   browser     ehr.signIn(authUrl, redirectUri) walks the flow without one; the pages work in Chromium.
//   assertions  ehr.read(type, id), ehr.searchResources(type, { identifier: "system|value" }) read the repository.
//   FHIR        read, search, create (If-None-Exist → the existing resource, 200), update, transaction Bundles
//               (POST {fhir}), Binary; 401 without a live token, 403 outside the token's scope or patient.
//   faults      ehr.faults.failNext(n, status, body?), hugeNext(), malformedNext() for the FHIR API;
//               ehr.faults.expireTokens() makes every access token issued so far answer 401 (refresh works).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import type { AdapterPayload, ClientAuthMethod } from "oidc-provider";
import { indexR4Definitions } from "./fhir-definitions";
import { followAuthorization } from "./follow-authorization";
import { capabilityStatement, smartConfiguration } from "./test-ehr/discovery";
import { Faults } from "./test-ehr/faults";
import { launcherPage } from "./test-ehr/launcher-page";
import { fhirApi } from "./test-ehr/fhir-api";
import { seed, type Seeded } from "./test-ehr/seed";
import { type LaunchContext, smartAuth } from "./test-ehr/smart-auth";

export { BACK_SPASM } from "./test-ehr/seed";
export type { LaunchContext } from "./test-ehr/smart-auth";

export type TestEhrClient = {
  clientId: string;
  redirectUris: string[];
  jwksUri?: string;
  jwks?: { keys: object[] };
  clientSecret?: string;
  tokenEndpointAuthMethod?: ClientAuthMethod;
};

export type TestEhr = {
  /** The FHIR base URL: SMART's `iss` and the `aud` of every authorize request. */
  issuer: string;
  /** The authorization server's issuer (oidc-provider), as in the ID token's `iss`. */
  authServer: string;
  registerClient(c: TestEhrClient): void;
  /** An EHR launch of `appLaunchUrl`: the URL with `iss` and a fresh `launch` id bound to `ctx`. */
  launch(appLaunchUrl: string, ctx?: LaunchContext): string;
  seeded: Seeded;
  /** The standalone-launch sign-in (the seeded practitioner); `otherLogin` signs in as the other practitioner. */
  login: { username: string; password: string };
  otherLogin: { username: string; password: string };
  /**
   * Follows an authorize URL as a browser would (an EHR launch signs in by itself; a standalone one posts
   * `as`, default `login`) and returns the URL the EHR sends the browser back to (code and state, or error).
   */
  signIn(authUrl: string, redirectUri: string, as?: { username: string; password: string }): Promise<URL>;
  read<T extends Resource = Resource>(type: string, id: string): Promise<T>;
  /** A search as a FHIR query, e.g. searchResources("DocumentReference", { identifier: "sys|value" }). */
  searchResources<T extends Resource = Resource>(type: string, query?: Record<string, string>): Promise<T[]>;
  faults: {
    failNext(n: number, status: number, body?: object): void;
    hugeNext(): void;
    malformedNext(): void;
    expireTokens(): void;
    clear(): void;
  };
  stop(): Promise<void>;
};

export type TestEhrOptions = {
  /** Default: any free port. */
  port?: number;
  /** Seconds an access token lives (default 3600). */
  accessTokenTtl?: number;
  /** The portal's SMART launch URL: enables the EHR's front page (GET /) and GET /launch?patient=&encounter=&practitioner=. */
  appLaunchUrl?: string;
  /** The ID token's fhirUser as an absolute URL ({issuer}/Practitioner/<id>) instead of "Practitioner/<id>". */
  absoluteFhirUser?: boolean;
};

export async function startTestEhr(opts: TestEhrOptions = {}): Promise<TestEhr> {
  indexR4Definitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const seeded = await seed(repo);
  const clients = new Map<string, AdapterPayload>();
  const launches = new Map<string, LaunchContext>();
  const expired = new Set<string>();
  const faults = new Faults();
  const login = { username: "dr.rivera", password: "test-ehr-password" };
  const otherLogin = { username: "dr.okafor", password: "test-ehr-password" };

  // The provider and the API need the origin (with the port) first: the server listens, then they are built.
  let handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> = async (_q, res) => {
    res.writeHead(503).end();
  };
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/fhir`;
  const authServer = `${origin}/oidc`;

  const auth = smartAuth({
    authServer,
    fhirBase: issuer,
    clients,
    launches,
    users: new Map([
      [login.username, { password: login.password, practitionerId: seeded.practitionerId }],
      [otherLogin.username, { password: otherLogin.password, practitionerId: seeded.otherPractitionerId }],
    ]),
    defaultPractitionerId: seeded.practitionerId,
    standalonePatientId: seeded.patientId,
    accessTokenTtl: opts.accessTokenTtl ?? 3600,
    absoluteFhirUser: opts.absoluteFhirUser ?? false,
  });
  const oidcCallback = auth.provider.callback();
  const api = fhirApi({
    base: issuer,
    router,
    repo,
    faults,
    open: {
      "/.well-known/smart-configuration": () => smartConfiguration(authServer),
      "/metadata": () => capabilityStatement(issuer, authServer),
    },
    async authorize(token) {
      if (expired.has(token)) return undefined;
      const found = await auth.provider.AccessToken.find(token);
      if (!found?.scope) return undefined;
      const context = found.grantId ? auth.grantContext.get(found.grantId) : undefined;
      return { scope: found.scope, patient: context?.patient };
    },
  });

  function launch(appLaunchUrl: string, ctx: LaunchContext = {}): string {
    const id = crypto.randomBytes(16).toString("base64url");
    launches.set(id, { patient: seeded.patientId, ...ctx });
    const url = new URL(appLaunchUrl);
    url.searchParams.set("iss", issuer);
    url.searchParams.set("launch", id);
    return url.href;
  }

  handle = async (req, res): Promise<void> => {
    const url = req.url ?? "/";
    if (url === "/fhir" || url.startsWith("/fhir/") || url.startsWith("/fhir?"))
      return void (await api(req, res, url.slice(5)));
    const interaction = /^\/oidc\/interaction\/([\w-]+)(\/login)?$/.exec(url);
    if (interaction) return void (await auth.handleInteraction(req, res, interaction[1]!, interaction[2] === "/login"));
    if (url === "/oidc" || url.startsWith("/oidc/") || url.startsWith("/oidc?")) {
      // oidc-provider is mounted under /oidc: it reads the path below it, and builds URLs from its issuer.
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(5) || "/";
      return void (await oidcCallback(req, res));
    }
    if (launcherPage(req, res, { seeded, appLaunchUrl: opts.appLaunchUrl, launch })) return;
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  };

  return {
    issuer,
    authServer,
    registerClient(c) {
      const method: ClientAuthMethod =
        c.tokenEndpointAuthMethod ??
        (c.jwks || c.jwksUri ? "private_key_jwt" : c.clientSecret ? "client_secret_basic" : "none");
      clients.set(c.clientId, {
        client_id: c.clientId,
        redirect_uris: c.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code", "refresh_token"],
        token_endpoint_auth_method: method,
        ...(c.jwksUri ? { jwks_uri: c.jwksUri } : {}),
        ...(c.jwks ? { jwks: c.jwks as never } : {}),
        ...(c.clientSecret ? { client_secret: c.clientSecret } : {}),
      });
    },
    launch,
    seeded,
    login,
    otherLogin,
    signIn: (authUrl, redirectUri, as = login) =>
      followAuthorization(authUrl, redirectUri, (page) =>
        /^\/oidc\/interaction\/[\w-]+$/.test(page.pathname)
          ? { url: new URL(`${page.pathname}/login`, page), form: { ...as } }
          : undefined,
      ),
    read: (type, id) => repo.readResource(type, id),
    async searchResources<T extends Resource = Resource>(type: string, query: Record<string, string> = {}) {
      const qs = new URLSearchParams(query).toString();
      const [outcome, bundle] = await router.handleRequest(
        { method: "GET", url: `/${type}${qs ? `?${qs}` : ""}`, pathname: "", body: undefined, params: {}, query: {} },
        repo,
      );
      if (!bundle) throw new Error(`search ${type}?${qs} failed: ${JSON.stringify(outcome)}`);
      return ((bundle as Bundle).entry ?? []).map((e) => e.resource as T);
    },
    faults: {
      failNext: (n, status, body) => faults.failNext(n, status, body),
      hugeNext: () => faults.hugeNext(),
      malformedNext: () => faults.malformedNext(),
      expireTokens: () => auth.issuedTokens.forEach((t) => expired.add(t)),
      clear: () => faults.clear(),
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
