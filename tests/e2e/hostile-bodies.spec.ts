import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { webServerArgs } from "../../lib/server/node-flags.mjs";
import { freePort, signInOverHttp, startNode, waitForHealth, type Started } from "./processes";
import { CLINICIAN, RIVERSIDE } from "./support";

// A signed-in user streams a 400 MB body with no Content-Length (chunked) at every route handler that reads
// a body. Each must answer 413 at once and stop reading, whatever the headers said: before, the drafts route
// read it whole (6.1 s, and the server kept 1.2 GB). Measured on a server of its own, whose memory is read
// from /proc.
const TOTAL = 400 * 1024 * 1024;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

/** Streams up to 400 MB of form data in chunks; resolves with the status and when it came. */
function chunkedPost(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; ms: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let sent = 0;
    let answered = false;
    const req = http.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Transfer-Encoding": "chunked", "Content-Type": "application/x-www-form-urlencoded" },
      },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode!, ms: performance.now() - t0, sentMb: sent / 1024 / 1024 });
        req.destroy();
      },
    );
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(256 * 1024, "a");
    req.write("notes=");
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("a 400 MB chunked body to each route that reads one: 413 within a second, and the server's memory stays put", async () => {
  test.setTimeout(180_000);
  test.skip(process.platform !== "linux", "reads the server's memory from /proc");
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let server: Started | undefined;
  try {
    server = startNode(webServerArgs(), { PORT: String(port), APP_URL: base, NODE_ENV: "production" });
    await waitForHealth(base, server);
    const { cookie } = await signInOverHttp(base, CLINICIAN.email, CLINICIAN.password);
    expect(cookie).toMatch(/session-token/);
    const headers = { Cookie: cookie, Origin: base };
    const routes = [
      `/clinics/${RIVERSIDE}/drafts`,
      `/clinics/${RIVERSIDE}/handouts/preview`,
      "/api/auth/callback/credentials",
      "/api/auth/signout",
    ];
    // A few ordinary requests first, so what follows measures the bodies, not the first use of each route.
    for (const route of routes)
      await fetch(`${base}${route}`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: "x=1",
      });
    const before = rssMb(server.child.pid!);
    for (const route of routes) {
      const r = await chunkedPost(`${base}${route}`, headers);
      console.log(
        `[hostile-bodies] ${route}: ${r.status} after ${r.ms.toFixed(0)} ms (${r.sentMb.toFixed(0)} MB sent by then)`,
      );
      expect(r.status, route).toBe(413);
      expect(r.ms, route).toBeLessThan(1000);
    }
    const growth = rssMb(server.child.pid!) - before;
    console.log(`[hostile-bodies] server RSS grew by ${growth.toFixed(1)} MB`);
    expect(growth).toBeLessThan(50);
    // And it still serves.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  } finally {
    if (server && server.child.exitCode === null) {
      process.kill(-server.child.pid!, "SIGTERM");
      await server.exited;
    }
  }
});
