import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findCurrentUser } from "@/lib/authz";
import { findPendingSignIn, PENDING_MESSAGES, readPendingToken } from "@/lib/accounts/pending-sign-in";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SecondStepForm } from "./second-step-form";
import { StartAgain } from "./start-again";
import { OtherMethods } from "./other-methods";
import { PasskeyStep } from "./passkey-step";

export const metadata: Metadata = { title: "Two-step sign-in" };

const HEADINGS = { totp: "Enter your code", recovery: "Use a recovery code", passkey: "Use your passkey" } as const;

export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : "/");
  if (await findCurrentUser()) redirect(callbackUrl);
  const found = await findPendingSignIn(await readPendingToken());
  if (!found.ok)
    return <StartAgain title="Two-step sign-in" message={PENDING_MESSAGES[found.problem]} callbackUrl={callbackUrl} />;
  if (found.pending.purpose === "enrol")
    redirect(`/login/set-up-second-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  // The way asked for, if the account has it; else its first (a passkey before the app, the recovery codes last).
  const methods = found.pending.methods;
  const method = methods.find((m) => m === sp.method) ?? methods[0] ?? "recovery";
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{HEADINGS[method]}</h1>
      <p className="mb-6 text-slate-700">Your password was right. One more step to show it is you.</p>
      {method === "passkey" ? (
        <PasskeyStep callbackUrl={callbackUrl} />
      ) : (
        <SecondStepForm method={method} callbackUrl={callbackUrl} />
      )}
      <OtherMethods methods={methods} current={method} callbackUrl={callbackUrl} />
    </>
  );
}
