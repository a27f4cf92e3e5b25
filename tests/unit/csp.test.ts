import { describe, expect, it } from "vitest";
import { newNonce, portalCsp } from "@/lib/server/csp.mjs";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("the portal's Content-Security-Policy", () => {
  it("lets inline scripts run only with this response's nonce, never 'unsafe-inline', and eval only in development", () => {
    const nonce = newNonce();
    const csp = portalCsp({ nonce, dev: false });
    expect(directive(csp, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directive(portalCsp({ nonce, dev: true }), "script-src")).toBe(
      `script-src 'self' 'nonce-${nonce}' 'unsafe-eval'`,
    );
    expect(directive(csp, "worker-src")).toBe("worker-src 'self'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("makes a new, unguessable nonce for every response", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
