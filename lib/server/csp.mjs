// The portal's Content-Security-Policy, set on every response by the web server (lib/cli/web-server.mjs) with a
// nonce made for that response: Next puts the same nonce on each inline script it writes (it reads it from
// the request's Content-Security-Policy header), so no inline script runs unless this server put it there,
// and 'unsafe-inline' is gone. 'unsafe-eval' only in development, where React's dev tooling needs it. The
// patient link (/h/) and stored pictures keep their own stricter policies (next.config.js).
import crypto from "node:crypto";

export const newNonce = () => crypto.randomBytes(16).toString("base64");

/** @param {{ nonce: string, dev: boolean }} options */
export function portalCsp({ nonce, dev }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    // pdf.js's worker (components/pdf/pdfjs.ts), a file of our own (public/pdfjs/): no blob: or data: needed.
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
