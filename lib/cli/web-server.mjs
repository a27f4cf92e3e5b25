#!/usr/bin/env node
// The portal's web server (production and `npm run dev`): Next's request handler behind a plain Node HTTP
// server, for what `next start` cannot do:
// - the client's address: worked out from the socket and TRUSTED_PROXIES (lib/server/client-ip.mjs) and
//   handed to the app in one header this server always overwrites; the forwarded host and scheme are believed
//   from a trusted proxy only (Next checks a server action's Origin against X-Forwarded-Host);
// - draining the way load balancers expect, on SIGINT/SIGTERM: /api/health answers 503 at once; for
//   SHUTDOWN_DRAIN_MS the server still accepts and serves, every response with `Connection: close` so
//   keep-alive clients move off; then it lets the requests in flight finish (up to 10 s), stops accepting once
//   every connection has been quiet for a second, and exits.
// - a Content-Security-Policy with a nonce per response (lib/server/csp.mjs), handed to Next in the request so
//   its inline scripts carry it;
// - a server action whose declared body is larger than any form sends gets 413 and a message the form shows,
//   before Next reads it (Next answered 500 with a digest);
// - the address asked for, in one header the app reads to send a signed-out visitor back after sign-in;
// - with HTTP_COMPRESSION=off, no compression here: Next compresses a response only when the request's
//   Accept-Encoding allows it, so the header is dropped before Next sees it, and the proxy in front (which
//   compresses on its own machine) gets the response plain. Next's zlib took ~1.4 s of a web server's 22 s
//   busy under bench:cluster load (issue 30).
// Reads its own few settings through lib/launch-env.mjs (the start checked the rest before starting it).
import http from "node:http";
import next from "next";
import { EnvError, launchEnv } from "../launch-env.mjs";
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientIp } from "../server/client-ip.mjs";
import { newNonce, portalCsp } from "../server/csp.mjs";
import { SERVER_ACTION_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT_MB } from "../limits.mjs";
import { REQUEST_URL_HEADER } from "../server/request-url.mjs";

const FINISH_MS = 10_000;
// A connection with no request for this long has none on its way: a client sends its next request on a
// kept-alive connection as soon as the last answer arrives.
const QUIET_MS = 1_000;
const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];
const dev = process.argv.includes("--dev");
const settings = (() => {
  try {
    return launchEnv();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(`[web] ${err.message}`);
    process.exit(1);
  }
})();
const { PORT: port, HOST: host, SHUTDOWN_DRAIN_MS: drainMs, HTTP_COMPRESSION: compress } = settings;
const trusted = parseTrustedProxies(settings.TRUSTED_PROXIES);

const app = next({ dev, dir: process.cwd(), port, hostname: host ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

let draining = false;
/** @type {Set<http.ServerResponse>} */
const inFlight = new Set();
/**
 * Each open connection: how many of its requests are being answered, and since when it has been quiet.
 * @type {Map<import("node:net").Socket, { busy: number, quietSince: number }>}
 */
const connections = new Map();

const server = http.createServer((req, res) => {
  if (draining) res.setHeader("Connection", "close");
  if (draining && req.url?.startsWith("/api/health")) {
    res
      .writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" })
      .end('{"status":"draining"}');
    return;
  }
  delete req.headers[CLIENT_IP_HEADER];
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  if (!trusted.has(req.socket.remoteAddress)) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers[REQUEST_URL_HEADER] = req.url ?? "/";
  if (!compress) delete req.headers["accept-encoding"];
  const csp = portalCsp({ nonce: newNonce(), dev });
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  if (
    req.method === "POST" &&
    req.headers["next-action"] &&
    Number(req.headers["content-length"]) > SERVER_ACTION_BODY_LIMIT
  ) {
    const mb = (Number(req.headers["content-length"]) / 1024 / 1024).toFixed(1);
    res.writeHead(413, { "Content-Type": "text/plain", Connection: "close", "Cache-Control": "no-store" });
    res.end(
      `This is too large to send (${mb} MB; a form can send at most ${SERVER_ACTION_BODY_LIMIT_MB} MB). Choose a smaller file.`,
    );
    return;
  }
  const connection = connections.get(req.socket);
  if (connection) connection.busy++;
  inFlight.add(res);
  res.on("close", () => {
    inFlight.delete(res);
    if (connection) {
      connection.busy--;
      connection.quietSince = Date.now();
    }
  });
  handle(req, res);
});
server.keepAliveTimeout = 5_000;
server.on("connection", (socket) => {
  connections.set(socket, { busy: 0, quietSince: Date.now() });
  socket.on("close", () => connections.delete(socket));
});

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const settled = () =>
  inFlight.size === 0 && [...connections.values()].every((c) => c.busy === 0 && Date.now() - c.quietSince >= QUIET_MS);

/** @param {NodeJS.Signals} signal */
async function drain(signal) {
  if (draining) return;
  draining = true;
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  const n = inFlight.size;
  const window = drainMs ? `; new requests are still served for ${drainMs / 1000} s (Connection: close)` : "";
  console.log(
    `[web] ${signal}: finishing ${n} request${n === 1 ? "" : "s"} in flight, /api/health answers 503${window}`,
  );
  await sleep(drainMs);
  // Still accepting while anything is in flight: a Generate's answer fetches the handout page from this same
  // server, and a client told `Connection: close` reconnects for the request it had queued behind. Refusing
  // them once the window was over cost 22 of 30 such requests (ECONNREFUSED) on a server slow to render.
  const deadline = Date.now() + FINISH_MS;
  while (!settled() && Date.now() < deadline) await sleep(50);
  if (inFlight.size)
    console.log(`[web] ${inFlight.size} request(s) still running after ${FINISH_MS / 1000} s: closing them`);
  // Stop accepting and go. Unless the 10 s ran out, every connection left has been quiet for a second, so
  // none has a request on its way to be dropped.
  server.close();
  process.exit(0);
}
process.on("SIGINT", () => drain("SIGINT"));
process.on("SIGTERM", () => drain("SIGTERM"));

server.listen(port, host, () =>
  console.log(
    `[web] listening on ${host ?? "all interfaces"}:${port}${trusted.size ? `, trusting X-Forwarded-* from ${settings.TRUSTED_PROXIES}` : ""}`,
  ),
);
