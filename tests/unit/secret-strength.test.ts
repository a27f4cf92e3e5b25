import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { estimateSecretBits, MIN_SECRET_BITS, secretWeakness } from "@/lib/secret-strength";

describe("how guessable a secret is", () => {
  it("accepts what `openssl rand -base64 32` and `openssl rand -hex 32` print, every time", () => {
    for (let i = 0; i < 500; i++) {
      for (const secret of [
        crypto.randomBytes(32).toString("base64"),
        crypto.randomBytes(32).toString("hex"),
        crypto.randomBytes(32).toString("base64url"),
      ]) {
        expect(secretWeakness(secret), secret).toBeNull();
        expect(estimateSecretBits(secret), secret).toBeGreaterThan(MIN_SECRET_BITS + 40);
      }
    }
  });

  it("refuses repeats, runs, few symbols, well-known words and this repository's old test secrets, saying why without quoting them", () => {
    const cases: [string, RegExp][] = [
      ["a".repeat(32), /one character repeated/],
      ["changeme".repeat(4), /repeats the same 8 characters/],
      ["CHANGEME".repeat(4), /repeats the same 8 characters/],
      ["abc".repeat(12), /repeats the same 3 characters/],
      ["Tr0ub4dor&3".repeat(3), /repeats the same 11 characters/],
      ["password".repeat(4), /repeats the same 8 characters/],
      ["production-secret-production-secret-42", /published example/],
      ["e2e-secret-e2e-secret-e2e-secret-e2e", /published example/],
      ["cluster-secret-cluster-secret-cluster-secret", /published example/],
      ["complex_password_at_least_32_characters_long", /published example/],
      ["my-production-nextauth-secret-42-clinic", /well-known words/],
      ["abcdefghijklmnopqrstuvwxyz0123456789", /run of consecutive characters/],
      // Random, but over two or ten symbols: far fewer than 128 bits.
      [Array.from({ length: 64 }, () => crypto.randomInt(2)).join(""), /.+/],
      [Array.from({ length: 36 }, () => crypto.randomInt(10)).join(""), /.+/],
    ];
    for (const [secret, why] of cases) {
      expect(secretWeakness(secret), secret).toMatch(why);
      // The message goes to logs: it never quotes the secret, which may be in use elsewhere.
      expect(secretWeakness(secret)).not.toContain(secret.slice(0, 6));
      expect(estimateSecretBits(secret), secret).toBeLessThan(MIN_SECRET_BITS);
    }
  });

  it("reads long secrets quickly", () => {
    const started = performance.now();
    secretWeakness(crypto.randomBytes(3000).toString("base64"));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
