// The test EHR's FHIR R4 API: @medplum/fhir-router over its in-memory repository, behind SMART bearer tokens.
// fhir-router gives read, search, create (conditional with If-None-Exist: the existing resource, 200),
// update, patch, delete, and batch/transaction Bundles (urn:uuid references rewritten); this file adds the
// HTTP side, the token check (unknown or expired → 401), SMART scope checks per interaction (and per entry of
// a Bundle) → 403, a patient/ token held to its launch patient, raw Binary reads, and queued faults.
import type http from "node:http";
import { getStatus, isOk } from "@medplum/core";
import type { FhirRequest, FhirRouter, HttpMethod, MemoryRepository } from "@medplum/fhir-router";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { type Faults, outcome } from "./faults";
import { allows, patientOnly, type Permission } from "./smart-scopes";

export type Authorized = { scope: string; patient?: string };

export type FhirApiOptions = {
  /** The FHIR base URL, for Location headers. */
  base: string;
  router: FhirRouter;
  repo: MemoryRepository;
  faults: Faults;
  /** The token's scope and launch patient, or undefined when it is unknown, expired or revoked. */
  authorize(token: string): Promise<Authorized | undefined>;
  /** Documents served without a token (discovery, CapabilityStatement), by path under the FHIR base. */
  open: Record<string, () => object>;
};

const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
const PERMISSION: Record<string, Permission> = {
  read: "r",
  vread: "r",
  "history-instance": "r",
  "search-type": "s",
  create: "c",
  update: "u",
  patch: "u",
  delete: "d",
};

type Json = Record<string, unknown>;

function send(res: http.ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/fhir+json", ...headers }).end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The patient a resource belongs to, for the resources the test EHR holds (Binary: none). */
function patientOf(resource: Json | undefined): string | undefined {
  if (!resource) return undefined;
  if (resource.resourceType === "Patient") return resource.id as string | undefined;
  for (const field of ["subject", "patient"]) {
    const ref = (resource[field] as { reference?: string } | undefined)?.reference;
    if (ref?.startsWith("Patient/")) return ref.slice("Patient/".length);
  }
  return undefined;
}

export function fhirApi(o: FhirApiOptions) {
  // Why an interaction is refused under this token, or undefined when it is allowed.
  function refusal(auth: Authorized, method: string, url: string, body: Json | undefined): string | undefined {
    const route = o.router.find(method as HttpMethod, url);
    if (!route) return undefined; // fhir-router answers 404
    const interaction = route.data?.interaction ?? "";
    if (interaction === "batch" || interaction === "transaction") {
      for (const entry of (body as Bundle | undefined)?.entry ?? []) {
        const r = entry.request;
        const why = r && refusal(auth, r.method, r.url, entry.resource as Json | undefined);
        if (why) return why;
      }
      return undefined;
    }
    const type = route.params.resourceType;
    const permission = PERMISSION[interaction];
    if (!type || !permission) return `the test EHR does not allow ${interaction} to SMART clients`;
    if (!allows(auth.scope, type, permission)) return `scope "${auth.scope}" does not allow ${permission} on ${type}`;
    if (body && auth.patient && patientOnly(auth.scope) && type !== "Binary") {
      if (patientOf(body) !== auth.patient) return `a patient/ token may only write for Patient/${auth.patient}`;
    }
    return undefined;
  }

  // A patient/ token sees its patient's resources only (and Binaries, which name no patient).
  function visible(auth: Authorized, resource: Json): boolean {
    if (!auth.patient || !patientOnly(auth.scope) || resource.resourceType === "Binary") return true;
    if (resource.resourceType === "Bundle" || resource.resourceType === "OperationOutcome") return true;
    return patientOf(resource) === auth.patient;
  }

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const pathname = path.split("?")[0]!;
    const open = o.open[pathname];
    if (open && req.method === "GET") return send(res, 200, open(), { "Content-Type": "application/json" });
    if (o.faults.serve(res)) return;

    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const auth = token ? await o.authorize(token) : undefined;
    if (!auth) {
      return send(res, 401, outcome("login", "missing, unknown or expired access token"), {
        "WWW-Authenticate": `Bearer error="invalid_token"`,
      });
    }
    const raw = await readBody(req);
    if (raw === "too-large") return send(res, 413, outcome("too-costly", "request body too large"));
    let body: Json | undefined;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString("utf8")) as Json;
      } catch {
        return send(res, 400, outcome("structure", "the request body is not JSON"));
      }
    }
    const method = (req.method ?? "GET") as HttpMethod;
    const url = path || "/";
    const why = refusal(auth, method, url, body);
    if (why) return send(res, 403, outcome("forbidden", why));

    const fhirReq: FhirRequest = {
      method,
      url,
      pathname: "",
      body,
      params: {},
      query: {},
      headers: { "if-none-exist": req.headers["if-none-exist"], "if-match": req.headers["if-match"] },
    };
    const [result, resource] = await o.router.handleRequest(fhirReq, o.repo);
    if (!isOk(result) || !resource) return send(res, getStatus(result), result);
    const found = resource as Resource & Json;
    if (!visible(auth, found)) return send(res, 403, outcome("forbidden", "not this token's patient"));
    if (found.resourceType === "Bundle" && auth.patient && patientOnly(auth.scope) && method === "GET") {
      const bundle = found as unknown as Bundle;
      bundle.entry = bundle.entry?.filter((e) => !e.resource || visible(auth, e.resource as unknown as Json));
    }
    // A Binary read by a client that does not ask for JSON gets the bytes themselves, as FHIR says.
    const accept = req.headers.accept ?? "";
    if (found.resourceType === "Binary" && method === "GET" && !/json/.test(accept)) {
      const bin = found as unknown as { contentType?: string; data?: string };
      res.writeHead(200, { "Content-Type": bin.contentType ?? "application/octet-stream" });
      return res.end(Buffer.from(bin.data ?? "", "base64"));
    }
    const status = getStatus(result);
    const headers: Record<string, string> = {};
    if (status === 201 && found.id)
      headers.Location = `${o.base}/${found.resourceType}/${found.id}/_history/${found.meta?.versionId ?? 1}`;
    if (found.meta?.versionId) headers.ETag = `W/"${found.meta.versionId}"`;
    return send(res, status, found, headers);
  };
}
