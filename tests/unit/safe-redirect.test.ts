import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

const base = "https://portal.example";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeCallbackPath("/clinics/abc/members?page=2#top", base)).toBe("/clinics/abc/members?page=2#top");
    expect(safeCallbackPath(`${base}/clinics/abc`, base)).toBe("/clinics/abc");
  });

  it("sends every other target home", () => {
    for (const t of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "http://portal.example/x", "evil.example", "", null, undefined]) {
      expect(safeCallbackPath(t, base), String(t)).toBe("/");
    }
  });
});
