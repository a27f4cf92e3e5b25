import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_NAMES, parseDeploymentEnv, parseEnv } from "@/lib/env";
import { commandDatabaseUrl, launchEnv } from "@/lib/launch-env.mjs";

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
    expect(() => parseEnv({ ...valid, DATABASE_URL: undefined })).toThrow(
      "Configuration error: DATABASE_URL is not set. See .env.example.",
    );
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(
      /^Configuration error: DATABASE_URL must be a URL starting with postgres: or postgresql:\/\//,
    );
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "short" })).toThrow(
      /NEXTAUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv({ ...valid, SMTP_TIMEOUT_MS: "soon" })).toThrow(/SMTP_TIMEOUT_MS/);
  });

  it("refuses a guessable NEXTAUTH_SECRET in production with one line that says how to make one; development takes any", () => {
    const line =
      /^Configuration error: NEXTAUTH_SECRET is too easy to guess \(.+\): make a random one with `openssl rand -base64 32`\. See \.env\.example\.$/;
    for (const secret of ["a".repeat(32), "changeme".repeat(4), "production-secret-production-secret-42"]) {
      expect(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toThrow(line);
      expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: secret }, { production: true })).toThrow(line);
      expect(parseEnv({ ...valid, NEXTAUTH_SECRET: secret }).NEXTAUTH_SECRET).toBe(secret);
    }
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: "changeme".repeat(4) })).toThrow(
      /\(it repeats the same 8 characters\)/,
    );
    const random = crypto.randomBytes(32).toString("base64");
    expect(parseEnv({ ...valid, NODE_ENV: "production", NEXTAUTH_SECRET: random }).NEXTAUTH_SECRET).toBe(random);
  });
});

describe("DATA_ENCRYPTION_KEY", () => {
  it("is optional, and held to the same production rule as NEXTAUTH_SECRET when set", () => {
    expect(parseEnv(valid).DATA_ENCRYPTION_KEY).toBeUndefined();
    expect(() => parseEnv({ ...valid, DATA_ENCRYPTION_KEY: "short" })).toThrow(
      /DATA_ENCRYPTION_KEY must be at least 32 characters/,
    );
    const random = crypto.randomBytes(32).toString("base64");
    expect(() =>
      parseEnv({ ...valid, NEXTAUTH_SECRET: random, DATA_ENCRYPTION_KEY: "changeme".repeat(4) }, { production: true }),
    ).toThrow(/^Configuration error: DATA_ENCRYPTION_KEY is too easy to guess \(it repeats the same 8 characters\)/);
    expect(
      parseEnv({ ...valid, NEXTAUTH_SECRET: random, DATA_ENCRYPTION_KEY: random }, { production: true })
        .DATA_ENCRYPTION_KEY,
    ).toBe(random);
  });
});

describe("the production start's check", () => {
  it("also needs APP_URL, and holds NEXTAUTH_SECRET to the production rule", () => {
    const secret = crypto.randomBytes(32).toString("base64");
    expect(() => parseDeploymentEnv({ ...valid, NEXTAUTH_SECRET: secret })).toThrow(
      /^Configuration error: APP_URL is not set\. With a real DATABASE_URL .* See \.env\.example\.$/,
    );
    expect(() => parseDeploymentEnv({ ...valid, APP_URL: "https://handouts.example.org" })).toThrow(
      /NEXTAUTH_SECRET is too easy to guess/,
    );
    expect(
      parseDeploymentEnv({ ...valid, NEXTAUTH_SECRET: secret, APP_URL: "https://handouts.example.org/" }).APP_URL,
    ).toBe("https://handouts.example.org");
  });
});

describe("the launchers' settings", () => {
  it("have defaults, and a bad value is named in one line like the app's own", () => {
    const defaults = launchEnv({});
    expect(defaults).toMatchObject({
      PORT: 3000,
      SHUTDOWN_DRAIN_MS: 5000,
      DELIVERY_WORKER: true,
      DEMO_DATA: false,
      PORTAL_DATA_DIR: ".data",
    });
    expect([defaults.HOST, defaults.DATABASE_URL, defaults.APP_URL]).toEqual([undefined, undefined, undefined]);
    expect(
      launchEnv({ DELIVERY_WORKER: "off", DEMO_DATA: "1", HOST: "127.0.0.1", PORTAL_DATA_DIR: "/tmp/x" }),
    ).toMatchObject({ DELIVERY_WORKER: false, DEMO_DATA: true, HOST: "127.0.0.1", PORTAL_DATA_DIR: "/tmp/x" });
    expect(() => launchEnv({ DELIVERY_WORKER: "no" })).toThrow(
      /^Configuration error: DELIVERY_WORKER .+\. See \.env\.example\.$/,
    );
    expect(() => launchEnv({ DEMO_DATA: "yes" })).toThrow(/^Configuration error: DEMO_DATA /);
    expect(() => launchEnv({ PORT: "http" })).toThrow(/^Configuration error: PORT /);
    expect(() => launchEnv({ SHUTDOWN_DRAIN_MS: "-1" })).toThrow(/^Configuration error: SHUTDOWN_DRAIN_MS /);
  });

  it("take an empty value for unset, as `NAME= npm start` means", () => {
    const empty = launchEnv({ SHUTDOWN_DRAIN_MS: "", PORT: "", DATABASE_URL: "" });
    expect([empty.SHUTDOWN_DRAIN_MS, empty.PORT, empty.DATABASE_URL]).toEqual([5000, 3000, undefined]);
    expect(() => parseEnv({ ...valid, SMTP_URL: "" })).toThrow(
      "Configuration error: SMTP_URL is not set. See .env.example.",
    );
  });

  it("are the app's too: one definition each", () => {
    expect(parseEnv({ ...valid, PORT: "4000", DELIVERY_WORKER: "off" })).toMatchObject({
      PORT: 4000,
      APP_URL: "http://localhost:4000",
      DELIVERY_WORKER: false,
    });
    expect(() => parseEnv({ ...valid, DEMO_DATA: "yes" })).toThrow(/^Configuration error: DEMO_DATA /);
  });

  it("a command without a database says how to get one", () => {
    expect(() => commandDatabaseUrl({})).toThrow(
      /^DATABASE_URL is not set\. In development, start the portal first \(`npm start`\)/,
    );
    expect(commandDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL);
  });
});

describe(".env.example", () => {
  it("documents every variable the portal reads, and only those", () => {
    const documented = [...fs.readFileSync(".env.example", "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
      (m) => m[1],
    );
    // NODE_ENV is set by the start commands and the test runners, never by an operator.
    expect([...new Set(documented)].sort()).toEqual(ENV_NAMES.filter((name) => name !== "NODE_ENV").sort());
  });
});
