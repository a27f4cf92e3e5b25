import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  NEXTAUTH_SECRET: "x".repeat(32),
  SMTP_URL: "smtp://127.0.0.1:2525",
};

describe("environment", () => {
  it("parses a valid environment with defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ APP_URL: "http://localhost:3000", SMTP_TIMEOUT_MS: 10_000 });
  });

  it("names the missing or malformed variable in one line", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: undefined })).toThrow("Configuration error: DATABASE_URL is not set. See .env.example.");
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/^Configuration error: DATABASE_URL must be a URL starting with postgres: or postgresql:\/\//);
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...valid, SMTP_TIMEOUT_MS: "soon" })).toThrow(/SMTP_TIMEOUT_MS/);
  });

  it("refuses a guessable NEXTAUTH_SECRET in production with one line that says how to make one; development takes any", () => {
    const line = /^Configuration error: NEXTAUTH_SECRET is too easy to guess \(.+\): make a random one with `openssl rand -base64 32`\. See \.env\.example\.$/;
    for (const secret of ["a".repeat(32), "changeme".repeat(4), "production-secret-production-secret-42"]) {
      expect(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toThrow(line);
      expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: secret }, { production: true })).toThrow(line);
      expect(parseEnv({ ...valid, NEXTAUTH_SECRET: secret }).NEXTAUTH_SECRET).toBe(secret);
    }
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: "changeme".repeat(4) })).toThrow(/\(it repeats the same 8 characters\)/);
    const random = crypto.randomBytes(32).toString("base64");
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: random }).NEXTAUTH_SECRET).toBe(random);
  });
});
