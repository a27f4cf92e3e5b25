// Follows an OAuth authorization URL as a browser would (cookies kept, redirects followed by hand), posting
// the sign-in form when a page asks for one, until the provider sends the browser back to the client's
// redirect URI; returns that URL (with its code and state, or its error). Used by the SSO test identity
// provider and the test EHR.
export type FormSubmission = { url: URL; form: Record<string, string> };

export async function followAuthorization(
  authUrl: string,
  redirectUri: string,
  /** The form to post on a page that is not a redirect (undefined: the page is an error). */
  submit: (page: URL) => FormSubmission | undefined,
): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  let url = new URL(authUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(res);
    const location = res.headers.get("location");
    const submission = location || !res.ok ? undefined : submit(url);
    if (location) {
      url = new URL(location, url);
      init = {};
    } else if (submission) {
      init = {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(submission.form).toString(),
      };
      url = submission.url;
    } else {
      // oidc-provider's error page puts the error in a <pre>; other pages are short.
      const text = await res.text();
      const detail = /<pre>([\s\S]*?)<\/pre>/.exec(text)?.[1] ?? text.slice(0, 300);
      throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${detail}`);
    }
  }
  throw new Error("too many redirects at the provider");
}
