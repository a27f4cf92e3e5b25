// The builder's Generate, as the browser sends it: captured once in Chromium, then replayed over HTTP to any
// server of the cluster. Servers built from one build share the server actions' ids and the key their bound
// arguments are encrypted with, so a request made from a page of one server runs on another.
import type { Browser } from "@playwright/test";
import { actionHeaders, captureGenerate } from "../../e2e/support";

/** One Generate on `base` with the session `cookie`: ok when it answered with the new handout's page. */
export type Replay = (base: string, cookie: string) => Promise<{ ok: boolean; ms: number; status: number }>;

/** Captures Generate on `base` in a browser holding the session `cookie` (from a sign-in over HTTP). */
export async function captureReplay(browser: Browser, base: string, cookie: string, clinicId: string): Promise<Replay> {
  const context = await browser.newContext({ baseURL: base });
  await context.addCookies(
    cookie
      .split("; ")
      .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: base })),
  );
  const request = await captureGenerate(await context.newPage(), clinicId, "Cluster bench", {
    page: 60_000,
    saved: 60_000,
  });
  const { "content-type": _, ...headers } = actionHeaders(request);
  // The form as the browser sent it, less the fields that make it one particular handout: its draft (a draft
  // becomes one handout, a second Generate of it is refused) and its request key (a repeat returns the first
  // handout, making none). Each replay then makes a new handout, as a new clinician's form would.
  const sent = await new Request("http://x", {
    method: "POST",
    headers: { "content-type": request.headers()["content-type"]! },
    body: new Uint8Array(request.postDataBuffer()!),
  }).formData();
  for (const name of [...sent.keys()]) if (/(^|_)(draftId|requestKey)$/.test(name)) sent.delete(name);
  const pathname = new URL(request.url()).pathname;
  await context.close();
  let told = false;
  return async (target, session) => {
    const t = performance.now();
    const res = await fetch(target + pathname, {
      method: "POST",
      // As nginx forwards it: the portal checks the page was opened at its public address (APP_URL, the
      // balancer), believed from X-Forwarded-Host since the cluster trusts 127.0.0.1 as its proxy.
      headers: {
        ...headers,
        origin: base,
        "x-forwarded-host": new URL(base).host,
        "x-forwarded-proto": "http",
        cookie: session,
      },
      body: sent,
      redirect: "manual",
    });
    const body = await res.text();
    const ok = !!res.headers.get("x-action-redirect")?.includes("/handouts/");
    // The first failure, once: a bench whose every Generate fails says why instead of printing 0/s.
    if (!ok && !told && (told = true))
      process.stderr.write(`[replay] first failure: ${res.status} ${body.slice(0, 400).replace(/\s+/g, " ")}\n`);
    return { ok, ms: performance.now() - t, status: res.status };
  };
}
