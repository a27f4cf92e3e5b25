import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestInfo } from "@/lib/request-info";
import { findCurrentUser } from "@/lib/authz";
import { signInThisBrowser } from "@/lib/sso/browser";
import { SECOND_STEP_PATHS } from "@/lib/accounts/sign-in-steps";
import { completeLaunch } from "@/lib/ehr/callback";
import { ehrCookieOptions, launchCookieName, linkCookieName } from "@/lib/ehr/flow-cookie";
import { signInFromEhr } from "@/lib/ehr/sign-in";

export const dynamic = "force-dynamic";

// Where the EHR sends the browser back (the redirect URI registered there). A linked EHR user lands on the
// patient's page in the portal, signed in (after the second step where the account or clinic has one); an
// unlinked one is asked to link; a refusal shows its reason. The launch cookie is cleared whatever happens.
export async function GET(req: Request) {
  const jar = await cookies();
  const flowCookie = jar.get(launchCookieName())?.value;
  jar.set(launchCookieName(), "", { ...ehrCookieOptions(), maxAge: 0 });
  const info = await requestInfo();
  const outcome = await completeLaunch(new URL(req.url).search, flowCookie, info);
  if (outcome.kind === "refused") redirect(`/ehr/refused?reason=${outcome.reason}`);
  if (outcome.kind === "link") {
    jar.set(linkCookieName(), outcome.linkToken, ehrCookieOptions());
    redirect("/ehr/link");
  }
  const target = `/clinics/${outcome.clinicId}/ehr/${outcome.launchId}`;
  const current = await findCurrentUser();
  if (current?.id === outcome.userId && (current.ssoClinicId ?? outcome.clinicId) === outcome.clinicId)
    redirect(target);
  const step = await signInFromEhr(outcome.userId, outcome.clinicId, (await headers()).get("cookie"), info);
  if (step.next !== "session") {
    jar.set(step.cookie.name, step.cookie.value, step.cookie.options);
    redirect(`${SECOND_STEP_PATHS[step.next]}?callbackUrl=${encodeURIComponent(target)}`);
  }
  await signInThisBrowser(outcome.userId, step.sessionId);
  redirect(target);
}
