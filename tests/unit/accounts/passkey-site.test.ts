import { describe, expect, it } from "vitest";
import { passkeySiteFor } from "@/lib/accounts/passkey-site";

// Where a passkey belongs: APP_URL's host when it is set; in development, the address the portal was opened at.
const configured = (url: string) => ({ APP_URL: url, appUrlConfigured: true });
const development = { APP_URL: "http://localhost:3000", appUrlConfigured: false };

describe("passkey site", () => {
  it("is APP_URL's host and origin in production, whatever Host a request names", () => {
    expect(passkeySiteFor("evil.example", configured("https://handouts.example.org"))).toEqual({
      ok: true,
      site: { rpID: "handouts.example.org", origin: "https://handouts.example.org" },
    });
    expect(passkeySiteFor(null, configured("https://portal.clinic.example:8443"))).toEqual({
      ok: true,
      site: { rpID: "portal.clinic.example", origin: "https://portal.clinic.example:8443" },
    });
  });

  it("in development is the host served, and at a numeric address says to open localhost instead", () => {
    expect(passkeySiteFor("localhost:3000", development)).toEqual({
      ok: true,
      site: { rpID: "localhost", origin: "http://localhost:3000" },
    });
    const numeric = passkeySiteFor("127.0.0.1:3000", development);
    expect(numeric).toEqual({
      ok: false,
      message: expect.stringContaining("Open the portal at http://localhost:3000"),
    });
    expect(passkeySiteFor("[::1]:3000", development).ok).toBe(false);
  });

  it("with APP_URL set to a number, says the portal needs a name", () => {
    expect(passkeySiteFor("10.0.0.5", configured("http://10.0.0.5"))).toEqual({
      ok: false,
      message: expect.stringContaining("APP_URL"),
    });
  });
});
