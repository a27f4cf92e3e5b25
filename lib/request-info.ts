import "server-only";
import { headers } from "next/headers";

// The client's address and user agent for the audit log. Behind a proxy, the first X-Forwarded-For hop.
export async function requestInfo(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent")?.slice(0, 400) ?? null };
}
