// Faults the test EHR's FHIR API can be told to produce, for the portal's bad-input tests: the next n
// answers fail with a status (a 503, or a 4xx with an OperationOutcome), a huge answer, a malformed one.
// (Expired tokens are the auth server's business: see startTestEhr's expireTokens.)
import type http from "node:http";

export type Fault = { kind: "status"; status: number; body: object } | { kind: "huge" } | { kind: "malformed" };

/** Big enough to trip any sane response-size limit (the portal's is far smaller). */
export const HUGE_BYTES = 64 * 1024 * 1024;

export function outcome(code: string, text: string, severity = "error") {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics: text }] };
}

export class Faults {
  private queue: Fault[] = [];
  failNext(n: number, status: number, body?: object) {
    const b = body ?? outcome(status >= 500 ? "transient" : "processing", `test EHR fault: ${status}`);
    for (let i = 0; i < n; i++) this.queue.push({ kind: "status", status, body: b });
  }
  hugeNext() {
    this.queue.push({ kind: "huge" });
  }
  malformedNext() {
    this.queue.push({ kind: "malformed" });
  }
  clear() {
    this.queue = [];
  }
  /** Answers the request with the next fault, if one is queued; true when it did. */
  serve(res: http.ServerResponse): boolean {
    const fault = this.queue.shift();
    if (!fault) return false;
    const headers = { "Content-Type": "application/fhir+json" };
    if (fault.kind === "status") res.writeHead(fault.status, headers).end(JSON.stringify(fault.body));
    else if (fault.kind === "malformed") res.writeHead(200, headers).end('{"resourceType":"Bundle","entry":[{"reso');
    else void streamHuge(res);
    return true;
  }
}

// A well-formed Bundle whose one string is HUGE_BYTES long, written in chunks without holding it in memory.
async function streamHuge(res: http.ServerResponse) {
  res.writeHead(200, { "Content-Type": "application/fhir+json" });
  res.write('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Basic","id":"');
  const chunk = Buffer.alloc(1024 * 1024, "a");
  for (let sent = 0; sent < HUGE_BYTES && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r).once("close", r));
  }
  if (!res.destroyed) res.end('"}}]}');
}
