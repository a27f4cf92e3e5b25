import { findCurrentUser } from "@/lib/authz";
import { touchAuthSession } from "@/lib/accounts/sessions";
import { isSameOrigin } from "@/lib/http";

export const dynamic = "force-dynamic";

// "Stay signed in" from the idle warning (components/portal/idle-warning.tsx): marks the session as used now.
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return new Response(null, { status: 403 });
  const user = await findCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  await touchAuthSession(user.sessionId);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
