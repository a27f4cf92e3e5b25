import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip.mjs";

export type RequestInfo = { ip: string | null; userAgent: string | null };

/**
 * The client's address (worked out by the web server from the socket and TRUSTED_PROXIES, never taken
 * from a header the client wrote) and user agent, for the audit log and the throttles.
 */
export async function requestInfo(): Promise<RequestInfo> {
  return requestInfoFrom(await headers());
}

export function requestInfoFrom(h: { get(name: string): string | null }): RequestInfo {
  return { ip: h.get(CLIENT_IP_HEADER) || null, userAgent: h.get("user-agent")?.slice(0, 400) ?? null };
}
