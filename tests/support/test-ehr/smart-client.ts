// A bare SMART confidential client for tests against the test EHR, with plain fetch: PKCE S256, state, aud,
// and private_key_jwt (RS384, signed with node:crypto) with its public key served at a jwks_uri on 127.0.0.1,
// as a real EHR registration would fetch it. Not the portal's client: a second, independent one.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestEhr } from "../test-ehr";
import type { LaunchContext } from "./smart-auth";

export type TokenResponse = Record<string, unknown> & { access_token: string; scope: string; patient?: string };

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

export async function startSmartClient(ehr: TestEhr, clientId = "test-client") {
  const redirectUri = "http://127.0.0.1:9/ehr/callback";
  const kid = "test-client-key-1";
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS384", use: "sig" };
  const jwksServer = http.createServer((_q, res) =>
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((r) => jwksServer.listen(0, "127.0.0.1", r));
  const jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  ehr.registerClient({ clientId, redirectUris: [redirectUri], jwksUri });
  const config = (await (await fetch(`${ehr.issuer}/.well-known/smart-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };

  function assertion(): string {
    const header = b64url(JSON.stringify({ alg: "RS384", typ: "JWT", kid }));
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: clientId,
      sub: clientId,
      aud: config.token_endpoint,
      jti: crypto.randomUUID(),
      iat: now,
      exp: now + 60,
    };
    const body = `${header}.${b64url(JSON.stringify(claims))}`;
    return `${body}.${b64url(crypto.sign("sha384", Buffer.from(body), privateKey))}`;
  }

  function authorizeUrl(params: Record<string, string>) {
    const verifier = b64url(crypto.randomBytes(32));
    const state = b64url(crypto.randomBytes(16));
    const url = new URL(config.authorization_endpoint);
    const all = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri,
      state,
      aud: ehr.issuer,
      code_challenge: b64url(crypto.createHash("sha256").update(verifier).digest()),
      code_challenge_method: "S256",
      ...params,
    };
    for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
    return { url: url.href, verifier, state };
  }

  /** POSTs a token request authenticated with a fresh client assertion. */
  function token(form: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams(form);
    body.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    body.set("client_assertion", assertion());
    return fetch(config.token_endpoint, { method: "POST", body });
  }

  /** An EHR launch of this client, through the authorize redirect and the code exchange, to the token response. */
  async function launchToken(scope: string, ctx: LaunchContext = {}): Promise<TokenResponse> {
    const launchUrl = new URL(ehr.launch("http://127.0.0.1:9/ehr/launch", ctx));
    const { url, verifier, state } = authorizeUrl({ scope, launch: launchUrl.searchParams.get("launch")! });
    const back = await ehr.signIn(url, redirectUri);
    if (back.searchParams.get("state") !== state) throw new Error("state came back changed");
    const code = back.searchParams.get("code");
    if (!code)
      throw new Error(`no code: ${back.searchParams.get("error")} ${back.searchParams.get("error_description")}`);
    const res = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as TokenResponse;
  }

  /** A request to the test EHR's FHIR API, as FHIR JSON, with `accessToken` when given. */
  const fhir = (path: string, accessToken?: string, init: RequestInit = {}) =>
    fetch(`${ehr.issuer}/${path}`, {
      ...init,
      headers: {
        accept: "application/fhir+json",
        "content-type": "application/fhir+json",
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    });

  return {
    clientId,
    redirectUri,
    config,
    authorizeUrl,
    token,
    launchToken,
    fhir,
    stop: () => new Promise<void>((r) => jwksServer.close(() => r())),
  };
}

export type SmartClient = Awaited<ReturnType<typeof startSmartClient>>;
