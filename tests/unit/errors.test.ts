import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "@/lib/errors";

describe("isAppError", () => {
  it("recognises an AppError made by a second copy of the module (a bundle layer or a worker thread has its own)", async () => {
    // @ts-expect-error: a query string gives a second, separate instance of the module.
    const copy = (await import("../../lib/errors.ts?second-copy")) as typeof import("@/lib/errors");
    const busy = new copy.AppError("TOO_MANY_REQUESTS", "The PDF service is busy. Please try again in a moment.");
    expect(copy.AppError).not.toBe(AppError);
    expect(busy instanceof AppError).toBe(false);
    expect(isAppError(busy)).toBe(true);
  });

  it("is false for look-alikes and other errors", () => {
    expect(isAppError(new Error("x"))).toBe(false);
    expect(isAppError({ name: "AppError", code: "NOT_FOUND", message: "x" })).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError(new AppError("NOT_FOUND"))).toBe(true);
  });
});
