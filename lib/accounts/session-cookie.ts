import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env, secureCookies } from "@/lib/env";
import { knownDeviceCookie, knownDeviceId } from "@/lib/accounts/known-devices";
import { ABSOLUTE_TIMEOUT_MS, sessionCookieName } from "@/lib/accounts/sessions";

type SignedInUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Gives this browser the cookies a sign-in through next-auth gives (its session JWT naming `sessionId`, and
 * the known-device cookie), for sign-ins that end outside next-auth: an accepted invite, a second step, a
 * single sign-on.
 * Only in a server action or route handler, where cookies can be set.
 */
export async function setSessionCookies(user: SignedInUser, sessionId: string): Promise<void> {
  const jar = await cookies();
  // The token next-auth's jwt callback makes at sign-in (name, email, sub, then uid/sid/sv), sealed the same way.
  const maxAge = ABSOLUTE_TIMEOUT_MS / 1000;
  const token = await encode({
    token: { name: user.name, email: user.email, sub: user.id, uid: user.id, sid: sessionId, sv: user.sessionVersion },
    secret: env().NEXTAUTH_SECRET,
    maxAge,
  });
  jar.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge,
  });
  const header = jar
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  const device = knownDeviceCookie(user.id, knownDeviceId(header, user.id) ?? undefined);
  jar.set(device.name, device.value, device.options);
}
