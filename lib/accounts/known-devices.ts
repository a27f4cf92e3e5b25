import "server-only";
import crypto from "node:crypto";
import { env, secureCookies } from "@/lib/env";
import { setCookieHeader } from "@/lib/http";

// A browser someone has signed in from successfully carries a signed cookie per account. It gives that
// account its own sign-in budget on that browser, so strangers who type wrong passwords at an account lock
// it only for browsers it has never been used from, and the clinician at their usual desk keeps working.
// Bound to the account: a cookie earned by signing into one's own account gives nothing against another.
const MAX_AGE_S = 365 * 24 * 3600;

function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", env().NEXTAUTH_SECRET, "handout-portal", "known-device-cookie", 32));
}

const sign = (userId: string, deviceId: string) =>
  crypto.createHmac("sha256", key()).update(`${userId}.${deviceId}`).digest("base64url");

export function deviceCookieName(userId: string): string {
  const prefix = secureCookies() ? "__Secure-" : "";
  return `${prefix}portal-device-${crypto.createHash("sha256").update(userId).digest("hex").slice(0, 16)}`;
}

/** The device id from a Cookie header, when it carries a valid cookie for `userId`. */
export function knownDeviceId(cookieHeader: string | undefined, userId: string): string | null {
  const name = deviceCookieName(userId);
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k !== name) continue;
    const [deviceId = "", mac = ""] = rest.join("=").split(".");
    const expected = sign(userId, deviceId);
    if (
      /^[A-Za-z0-9_-]{16,64}$/.test(deviceId) &&
      mac.length === expected.length &&
      crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
    )
      return deviceId;
  }
  return null;
}

/** The cookie that marks this browser as known for `userId` (keeping its id when it had one). */
export function knownDeviceCookie(userId: string, deviceId = crypto.randomBytes(18).toString("base64url")) {
  return {
    name: deviceCookieName(userId),
    value: `${deviceId}.${sign(userId, deviceId)}`,
    options: {
      path: "/api/auth",
      maxAge: MAX_AGE_S,
      httpOnly: true,
      sameSite: "lax" as const,
      secure: secureCookies(),
    },
  };
}

/** knownDeviceCookie as a Set-Cookie value. */
export function deviceCookie(userId: string, deviceId?: string): string {
  return setCookieHeader(knownDeviceCookie(userId, deviceId));
}
