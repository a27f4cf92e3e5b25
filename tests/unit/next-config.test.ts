import { afterEach, describe, expect, it, vi } from "vitest";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/limits.mjs";

async function loadConfig(appUrl: string | undefined) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl ?? "");
  const { default: config } = await import("../../next.config.js");
  return config as {
    headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    experimental: { serverActions: { bodySizeLimit: string } };
  };
}

/** The headers every page gets (the patient link's own entry, /h/, comes after and overrides some). */
async function pageHeaders(appUrl: string | undefined) {
  return (await (await loadConfig(appUrl)).headers()).find((entry) => entry.source === "/:path*")!.headers;
}

afterEach(() => vi.unstubAllEnvs());

describe("next.config.js", () => {
  it("sends Strict-Transport-Security when APP_URL is https, and not otherwise", async () => {
    const hsts = async (url: string | undefined) =>
      (await pageHeaders(url)).find((h) => h.key === "Strict-Transport-Security")?.value;
    expect(await hsts("https://handouts.clinic.example")).toBe("max-age=63072000; includeSubDomains");
    expect(await hsts("http://localhost:3000")).toBeUndefined();
    expect(await hsts(undefined)).toBeUndefined();
  });

  it("leaves the pages' Content-Security-Policy to the web server, which adds a nonce per response", async () => {
    expect((await pageHeaders(undefined)).find((h) => h.key === "Content-Security-Policy")).toBeUndefined();
  });

  it("gives the patient link its own strict policy, no index, no referrer and no cache", async () => {
    const entries = await (await loadConfig(undefined)).headers();
    const link = Object.fromEntries(
      entries.find((entry) => entry.source === "/h/:path*")!.headers.map((h) => [h.key, h.value]),
    );
    expect(link["Content-Security-Policy"]).toMatch(/^default-src 'none';/);
    expect(link).toMatchObject({
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    // Later entries win for the same header, so the link's come after the pages'.
    expect(entries.findIndex((e) => e.source === "/h/:path*")).toBeGreaterThan(
      entries.findIndex((e) => e.source === "/:path*"),
    );
  });

  it("serves stored pictures (the logo, guide pictures) with a CSP under which nothing runs or loads", async () => {
    const entries = await (await loadConfig(undefined)).headers();
    for (const source of ["/clinics/:clinicId/logo", "/clinics/:clinicId/guides/images/:imageId"]) {
      const entry = entries.find((e) => e.source === source);
      expect(entry?.headers.find((h) => h.key === "Content-Security-Policy")?.value, source).toBe(
        "default-src 'none'; sandbox",
      );
      // After the site-wide entry, so its CSP wins for these paths.
      expect(entries.indexOf(entry!)).toBeGreaterThan(entries.findIndex((e) => e.source === "/:path*"));
    }
  });

  it("accepts server-action bodies of exactly the size the forms check against", async () => {
    const limit = (await loadConfig(undefined)).experimental.serverActions.bodySizeLimit;
    expect(limit).toBe(`${SERVER_ACTION_BODY_LIMIT / 1024 / 1024}mb`);
  });
});
