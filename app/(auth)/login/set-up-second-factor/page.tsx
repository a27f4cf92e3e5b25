import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findCurrentUser } from "@/lib/authz";
import { findPendingSignIn, PENDING_MESSAGES, readPendingToken } from "@/lib/accounts/pending-sign-in";
import { prepareTotpEnrolment } from "@/lib/accounts/second-factor-settings";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { TotpEnrolmentForm } from "@/components/accounts/totp-enrolment-form";
import { StartAgain } from "../second-factor/start-again";
import { enrolDuringSignInAction } from "./actions";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

// Reached only with the pending state of a member whose clinic requires a second factor and who has none:
// nothing else of the portal opens for them until this is done.
export default async function SetUpSecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : "/");
  // Signed in: the set-up just finished (its action set the session cookie, and this page is drawn again
  // around the form, which keeps the recovery codes on screen), or a later visit.
  const signedIn = !!(await findCurrentUser());
  let enrolment = { qr: "", secretText: "", enrolment: "" };
  if (!signedIn) {
    const found = await findPendingSignIn(await readPendingToken());
    if (!found.ok)
      return (
        <StartAgain
          title="Set up two-step sign-in"
          message={PENDING_MESSAGES[found.problem]}
          callbackUrl={callbackUrl}
        />
      );
    if (found.pending.purpose !== "enrol")
      redirect(`/login/second-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    enrolment = await prepareTotpEnrolment(found.pending.userId);
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Set up two-step sign-in</h1>
      <p className="mb-6 text-slate-700">
        Your clinic asks everyone to sign in with a code from their phone as well as their password. It takes about two
        minutes. You have 5 minutes from when you typed your password; if the time runs out, sign in again and you will
        come back here.
      </p>
      <TotpEnrolmentForm
        action={enrolDuringSignInAction}
        {...enrolment}
        callbackUrl={callbackUrl}
        signedIn={signedIn}
        next={{ href: callbackUrl, label: "I have saved my codes: continue" }}
      />
    </>
  );
}
