import "server-only";

// Everything the portal reads from an EHR goes through here: a response is read up to a size (a Bundle of a
// patient's conditions is kilobytes; a server that sends megabytes is refused, not buffered), within a time,
// and must be JSON. The errors say what happened in words a clinic's owner can pass to its EHR team.
export const MAX_FHIR_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export type FhirReply = { status: number; location: string | null; body: unknown };

export class FhirHttpError extends Error {
  constructor(
    message: string,
    // "network": unreachable or timed out (try again later); "status": the server answered with an error;
    // "format": the answer was too large or not FHIR JSON.
    readonly kind: "network" | "status" | "format",
    readonly status?: number,
  ) {
    super(message);
  }
  /** Worth trying again later: the server was unreachable, busy or failing, not refusing this request. */
  get retryable(): boolean {
    return this.kind === "network" || (this.kind === "status" && (this.status! >= 500 || this.status === 429));
  }
}

/** Reads at most `limit` bytes of a body, or throws. */
async function readBounded(res: Response, limit: number): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > limit) {
    await res.body?.cancel();
    throw new FhirHttpError(`The EHR sent ${declared} bytes; the portal reads at most ${limit}.`, "format");
  }
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new FhirHttpError(`The EHR sent more than ${limit} bytes; the portal reads at most that.`, "format");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The first diagnostics of a FHIR OperationOutcome, for the reason shown to the clinic. */
export function outcomeText(body: unknown): string | null {
  const issues = (body as { resourceType?: string; issue?: { diagnostics?: string; details?: { text?: string } }[] })
    ?.issue;
  if ((body as { resourceType?: string })?.resourceType !== "OperationOutcome" || !Array.isArray(issues)) return null;
  const text = issues
    .map((i) => i?.diagnostics ?? i?.details?.text)
    .filter((t): t is string => typeof t === "string")
    .join("; ");
  return text ? text.slice(0, 500) : null;
}

export async function fhirFetch(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<FhirReply> {
  const headers: Record<string, string> = { accept: "application/fhir+json, application/json", ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/fhir+json";
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new FhirHttpError(`The EHR at ${new URL(url).host} could not be reached (${cause}).`, "network");
  }
  const text = await readBounded(res, MAX_FHIR_BYTES);
  let body: unknown = null;
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok) throw new FhirHttpError(`The EHR's answer to ${init.method ?? "GET"} was not JSON.`, "format");
    }
  }
  if (!res.ok) {
    const why = outcomeText(body) ?? (res.statusText || "no reason given");
    throw new FhirHttpError(`The EHR answered ${res.status}: ${why}`, "status", res.status);
  }
  return { status: res.status, location: res.headers.get("location"), body };
}
