import http from "node:http";
import { expect, test } from "@playwright/test";
import { CLINICIAN, RIVERSIDE, signIn } from "./support";

test("no inline script runs unless the server put it there: each page's scripts carry that response's nonce, and an injected one is blocked", async ({
  page,
}) => {
  await signIn(page, CLINICIAN);
  const nonces = new Set<string>();
  for (const path of ["/login", `/clinics/${RIVERSIDE}`, `/clinics/${RIVERSIDE}/handouts`]) {
    const res = await page.request.get(path);
    const csp = res.headers()["content-security-policy"]!;
    expect(
      csp.split("; ").find((d) => d.startsWith("script-src")),
      path,
    ).not.toContain("unsafe-inline");
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
    expect(inline.length, path).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);

  // The page itself works under it (React hydrated: a click navigates), and a script injected into it does not run.
  await page.goto(`/clinics/${RIVERSIDE}`);
  await page.getByRole("navigation", { name: "Clinic" }).getByRole("link", { name: "Handouts" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinics/${RIVERSIDE}/handouts$`));
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    const s = document.createElement("script");
    s.textContent = "window.injected = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return { ran: (window as unknown as { injected?: boolean }).injected === true, violations };
  });
  expect(outcome).toEqual({ ran: false, violations: ["script-src-elem"] });
});

test("a server action's body larger than any form sends gets 413 and the form's words, not a 500", async ({
  baseURL,
}) => {
  // Declares 25 MB and sends the first kilobyte: the answer must come before the rest is read.
  const url = new URL(`/clinics/${RIVERSIDE}/guides/import`, baseURL);
  const answer = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        headers: {
          "next-action": "0".repeat(42),
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(25 * 1024 * 1024),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), text }));
      },
    );
    req.on("error", reject);
    req.write(Buffer.alloc(1024));
  });
  expect(answer.status).toBe(413);
  expect(answer.type).toBe("text/plain");
  expect(answer.text).toMatch(/^This is too large to send \(25\.0 MB; a form can send at most 21 MB\)/);
});
