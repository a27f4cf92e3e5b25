// The one error type domain code throws for expected failures. Pages map NOT_FOUND/FORBIDDEN to notFound(),
// actions turn it into form state, routes into a status code; anything else is unexpected and reaches error.tsx.
export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_LARGE" | "TOO_MANY_REQUESTS";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

// A brand that survives the class being loaded twice (the Next bundle and a worker thread, or two bundle
// layers each with their own copy of this file): `instanceof` does not, and a "busy" refusal from the PDF
// pool was reported to clinicians as an unexpected failure because of it.
const BRAND = Symbol.for("handout-portal.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError =>
  typeof e === "object" &&
  e !== null &&
  (e as Record<symbol, unknown>)[BRAND] === true &&
  typeof (e as AppError).code === "string" &&
  (e as AppError).code in HTTP_STATUS;
