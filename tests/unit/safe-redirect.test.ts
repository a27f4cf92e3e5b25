import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

const base = "https://portal.example";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackPath("/clinics/abc/members?page=2#top", base)).toBe("/clinics/abc/members?page=2#top");
    expect(safeCallbackPath(`${base}/clinics/abc`, base)).toBe("/clinics/abc");
    expect(safeCallbackPath("/clinics/./abc/../abc", base)).toBe("/clinics/abc");
  });

  it("sends every other target home", () => {
    for (const t of [
      "https://evil.example/x",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://portal.example/x",
      "evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(safeCallbackPath(t, base), String(t)).toBe("/");
    }
  });

  it("judges the path after normalisation: dot segments and encoded dots cannot make it protocol-relative", () => {
    const variants = [
      "/.//evil.example",
      "/%2e//evil.example",
      "/%2E//evil.example",
      "/a/..//evil.example",
      "/a/%2e%2e//evil.example",
      "/.\\/evil.example",
      "/.\\\\evil.example",
      "/a/..\\/evil.example",
      "/%2e\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/./%2e/..//evil.example",
    ];
    for (const t of variants) {
      const result = safeCallbackPath(t, base);
      expect(new URL(result, base).origin, `${JSON.stringify(t)} → ${result}`).toBe(base);
      expect(result, JSON.stringify(t)).not.toMatch(/^\/[\\/]/);
    }
  });
});
