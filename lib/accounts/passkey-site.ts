import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Which site a passkey belongs to (its RP ID) and the origin its browser must report. With APP_URL set
// (production) both come from it; without (development) from the address the portal was opened at, as
// originCheck (lib/http.ts) accepts both localhost and 127.0.0.1 there. Browsers refuse a numeric address as
// an RP ID, so at 127.0.0.1 passkeys cannot work, and the member is sent to the name that does.
export type PasskeySite = { rpID: string; origin: string };

export function passkeySiteFor(
  host: string | null,
  { APP_URL, appUrlConfigured }: { APP_URL: string; appUrlConfigured: boolean } = env(),
): { ok: true; site: PasskeySite } | { ok: false; message: string } {
  const app = new URL(APP_URL);
  let served: URL;
  try {
    served = appUrlConfigured || !host ? app : new URL(`${app.protocol}//${host}`);
  } catch {
    served = app;
  }
  if (!isIP(served.hostname.replace(/^\[|\]$/g, "")))
    return { ok: true, site: { rpID: served.hostname, origin: served.origin } };
  const named = appUrlConfigured ? null : `${app.protocol}//localhost${served.port ? `:${served.port}` : ""}`;
  return {
    ok: false,
    message: named
      ? `Passkeys need the portal's name, not a numeric address like ${served.hostname}. Open the portal at ${named} and try again.`
      : `Passkeys need the portal to have a name, but its address (APP_URL) is the number ${served.hostname}. Ask whoever runs the portal to give it a domain name.`,
  };
}

/** The site of this request, or AppError saying where passkeys work. */
export async function currentPasskeySite(): Promise<PasskeySite> {
  const found = passkeySiteFor((await headers()).get("host"));
  if (!found.ok) throw new AppError("BAD_REQUEST", found.message);
  return found.site;
}
