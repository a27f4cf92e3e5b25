import { redirect } from "next/navigation";
import { requestInfo } from "@/lib/request-info";
import { signInThisBrowser, takeFlowCookie } from "@/lib/sso/browser";
import { completeSignOn } from "@/lib/sso/callback";

export const dynamic = "force-dynamic";

// Where a clinic's identity provider sends the browser back (registered there as the redirect URI). A
// refusal goes to the single sign-on page with its reason; success signs this browser in and opens the clinic.
export async function GET(req: Request) {
  const flowCookie = await takeFlowCookie();
  const outcome = await completeSignOn(new URL(req.url).search, flowCookie, await requestInfo());
  if (!outcome.ok) redirect(`/login/sso?error=${outcome.reason}`);
  await signInThisBrowser(outcome.userId, outcome.sessionId);
  redirect(outcome.redirectTo);
}
