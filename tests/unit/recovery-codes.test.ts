import { describe, expect, it } from "vitest";
import { newRecoveryCode, normalizeRecoveryCode } from "@/lib/accounts/recovery-codes";

describe("recovery codes", () => {
  it("carry at least 112 bits, so a plain SHA-256 may store them (ASVS 5.0 6.5.2), and read in groups of four", () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){5}[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeRecoveryCode(code).length * Math.log2(30)).toBeGreaterThanOrEqual(112);
  });

  it("are typed back with any case, spaces or dashes", () => {
    const code = newRecoveryCode();
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replaceAll("-", " ")} `)).toBe(normalizeRecoveryCode(code));
  });

  it("are not repeated across a set", () => {
    expect(new Set(Array.from({ length: 1000 }, newRecoveryCode)).size).toBe(1000);
  });
});
