import "server-only";
import { AppError } from "@/lib/errors";

// A route handler's `req.formData()` / `req.json()` / `req.text()` read the whole body into memory, however
// large, and a chunked request has no Content-Length to check first: one 400 MB POST took 6 s and left the
// server 1.2 GB larger. Every route handler that reads a body reads it through here instead: the declared
// length is checked first, then the stream is counted as it arrives and dropped the moment it passes the
// limit, whatever the headers said.

const tooLarge = (limit: number) =>
  new AppError(
    "TOO_LARGE",
    `The request is larger than ${Math.round(limit / 1024)} KB, the most this address accepts.`,
  );

/** The body's bytes, at most `limit` of them; throws AppError("TOO_LARGE") past it. */
export async function readBody(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** The body as a form (urlencoded or multipart), read through readBody. */
export async function readFormData(req: Request, limit: number): Promise<FormData> {
  const body = await readBody(req, limit);
  try {
    return await new Response(body, { headers: { "Content-Type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The form could not be read.");
  }
}
