import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp } from "@/lib/server/client-ip.mjs";
import { smtpSecurity } from "@/lib/email/smtp-security.mjs";
import { parseEnv } from "@/lib/env";

describe("client address", () => {
  const none = parseTrustedProxies("");
  const lb = parseTrustedProxies("10.0.0.0/8, loopback");

  it("without TRUSTED_PROXIES is the socket's address: a forged X-Forwarded-For is ignored", () => {
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("behind a trusted proxy is the right-most address the proxies did not add", () => {
    expect(resolveClientIp("10.1.2.3", "198.51.100.7", lb)).toBe("198.51.100.7");
    // The client wrote the left-most entry itself; only what the proxies appended counts.
    expect(resolveClientIp("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", lb)).toBe("198.51.100.7");
    expect(resolveClientIp("127.0.0.1", "2001:db8::5", lb)).toBe("2001:db8::5");
    // A peer that is not a trusted proxy is the client, whatever it claims.
    expect(resolveClientIp("198.51.100.8", "10.0.0.1", lb)).toBe("198.51.100.8");
  });

  it("refuses a malformed setting with a message naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/proxy\.internal/);
    expect(() =>
      parseEnv({
        DATABASE_URL: "postgresql://x/y",
        NEXTAUTH_SECRET: "x".repeat(32),
        SMTP_URL: "smtp://a",
        TRUSTED_PROXIES: "nope",
      }),
    ).toThrow(/TRUSTED_PROXIES has "nope" is not an IP address/);
  });
});

describe("SMTP transport security", () => {
  it("needs TLS for any mail server on another machine unless SMTP_INSECURE=1", () => {
    expect(smtpSecurity("smtps://mail.example.com:465", false)).toBe("tls");
    expect(smtpSecurity("smtp://mail.example.com:587", false)).toBe("starttls");
    expect(smtpSecurity("smtp://mail.example.com:25", true)).toBe("insecure");
    expect(smtpSecurity("smtp://127.0.0.1:2525", false)).toBe("local");
    expect(smtpSecurity("smtp://localhost:2525", false)).toBe("local");
    expect(smtpSecurity("smtp://[::1]:2525", false)).toBe("local");
  });
});
