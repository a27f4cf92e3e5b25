// A real OpenID provider for the single sign-on tests (oidc-provider, the certified Node implementation), on
// 127.0.0.1 with its in-memory adapter: one confidential client registered with the portal's callback, PKCE
// required, and a one-field sign-in page (the typed login is the account id) instead of a password, with
// consent taken as given. What it says about an account (sub, email, email_verified, name) is set per test.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { followAuthorization } from "./follow-authorization";
import { esc, readForm } from "./html-form";

export type IdpClaims = { sub: string; email?: string; email_verified?: boolean; name?: string };

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the provider says about the person who signs in as `login` (default: sub = email = login, verified). */
  setAccount(login: string, claims: Partial<IdpClaims>): void;
  /** Seconds an authorization code lives (default 60). */
  setCodeTtl(seconds: number): void;
  /**
   * Follows `authUrl` through the provider as a browser would, signing in as `login`, and returns the URL the
   * provider sends the browser back to (the portal's callback, with its code and state).
   */
  signIn(authUrl: string, login: string): Promise<URL>;
  stop(): Promise<void>;
};

export async function startTestIdp(opts: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  emailInIdToken?: boolean;
}): Promise<TestIdp> {
  const clientId = opts.clientId ?? "portal-test";
  const clientSecret = opts.clientSecret ?? "portal-test-secret-portal-test-secret";
  const accounts = new Map<string, Partial<IdpClaims>>();
  // The provider names a person by the account id it signed in (the ID token's sub).
  const claimsOf = (login: string): IdpClaims => ({
    sub: login,
    email: login,
    email_verified: true,
    ...accounts.get(login),
  });
  const loginOfSub = (sub: string) => [...accounts].find(([, c]) => c.sub === sub)?.[0] ?? sub;
  let codeTtl = 60;

  // The provider needs its issuer (with the port) before it can answer: the server listens first.
  const server = http.createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? "");
    if (!match) return provider.callback()(req, res);
    void interaction(provider, req, res, match[2] === "/login").catch((err) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // No request reaches the server before this: nobody knows its address yet.
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Default (true): claims asked for by scope come from userinfo, as many providers do; false puts them in the ID token.
    conformIdTokenClaims: !opts.emailInIdToken,
    pkce: { required: () => true },
    cookies: { keys: ["test-idp-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: () => codeTtl,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    jwks: {
      keys: [crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }) as never],
    },
    async findAccount(_ctx, sub) {
      const claims = claimsOf(loginOfSub(sub));
      return { accountId: sub, claims: () => claims };
    },
    // Consent is taken as given: the test client is the portal the clinic registered.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  async function interaction(p: Provider, req: http.IncomingMessage, res: http.ServerResponse, submitted: boolean) {
    const details = await p.interactionDetails(req, res);
    if (submitted) {
      const login = (await readForm(req)).get("login")?.trim();
      if (login)
        return p.interactionFinished(
          req,
          res,
          { login: { accountId: claimsOf(login).sub } },
          { mergeWithLastSubmission: false },
        );
    }
    const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>Test identity provider</title><main><h1>Test identity provider</h1>` +
        `<form method="post" action="/interaction/${esc(details.uid)}/login"><label>Login <input name="login" value="${esc(hint)}"></label>` +
        `<button type="submit">Sign in at the provider</button></form></main></html>`,
    );
  }

  const signIn = (authUrl: string, login: string) =>
    followAuthorization(authUrl, opts.redirectUri, (page) =>
      page.pathname.startsWith("/interaction/")
        ? { url: new URL(`${page.pathname}/login`, page), form: { login } }
        : undefined,
    );

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (login, claims) => accounts.set(login, claims),
    setCodeTtl: (seconds) => {
      codeTtl = seconds;
    },
    signIn,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
