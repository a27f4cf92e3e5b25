import { describe, expect, it, vi } from "vitest";

describe("GET /api/health with the database down", () => {
  it("answers 503", async () => {
    // This file runs in its own module registry: point the app at a port where nothing listens.
    vi.stubEnv("DATABASE_URL", "postgresql://postgres:x@127.0.0.1:9/none?connect_timeout=2");
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "error" });
    vi.unstubAllEnvs();
  });
});
