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
});
