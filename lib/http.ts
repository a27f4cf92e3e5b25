import "server-only";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

// Route handlers answer expected failures with their status; a non-member sees the same 404 as a missing id.
export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    const status = err.code === "FORBIDDEN" ? 404 : HTTP_STATUS[err.code];
    return new Response(status === 404 ? "Not found" : err.message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  throw err;
}
