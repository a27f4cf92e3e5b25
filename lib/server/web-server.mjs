#!/usr/bin/env node
// The portal's web server (production and `npm run dev`): Next's request handler behind a plain Node HTTP
// server, for two things `next start` cannot do:
// - the client's address: worked out from the socket and TRUSTED_PROXIES (lib/server/client-ip.mjs) and
//   handed to the app in one header this server always overwrites;
// - draining: on SIGINT/SIGTERM it stops accepting, lets requests in flight finish (up to 10 s), answers
//   503 on /api/health meanwhile (load balancers stop sending work), then exits.
// Reads its own few settings from the environment; lib/env.ts validates them at start.
import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientIp } from "./client-ip.mjs";

const DRAIN_MS = 10_000;
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev, dir: process.cwd(), port, hostname: host ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let draining = false;
const idle = new Set();

const server = http.createServer((req, res) => {
  if (draining) res.setHeader("Connection", "close");
  if (draining && req.url?.startsWith("/api/health")) {
    res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end('{"status":"draining"}');
    return;
  }
  delete req.headers[CLIENT_IP_HEADER];
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  inFlight++;
  res.on("close", () => {
    inFlight--;
    for (const resolve of idle) if (inFlight === 0) resolve();
  });
  handle(req, res);
});
server.keepAliveTimeout = 5_000;

async function drain(signal) {
  if (draining) return;
  draining = true;
  console.log(`[web] ${signal}: finishing ${inFlight} request${inFlight === 1 ? "" : "s"} in flight, accepting no new ones`);
  server.close();
  server.closeIdleConnections();
  const done = inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idle.add(resolve));
  const timedOut = await Promise.race([done.then(() => false), new Promise((r) => setTimeout(() => r(true), DRAIN_MS))]);
  if (timedOut) console.log(`[web] ${inFlight} request(s) still running after ${DRAIN_MS / 1000} s: closing them`);
  server.closeAllConnections();
  process.exit(0);
}
process.on("SIGINT", () => drain("SIGINT"));
process.on("SIGTERM", () => drain("SIGTERM"));

server.listen(port, host, () => console.log(`[web] listening on ${host ?? "all interfaces"}:${port}${trusted.size ? `, trusting X-Forwarded-For from ${process.env.TRUSTED_PROXIES}` : ""}`));
