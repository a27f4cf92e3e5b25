import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { findCurrentUser } from "@/lib/authz";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { isSsoRefusal, SSO_REFUSALS } from "@/lib/sso/refusals";
import { SingleSignOnForm } from "./sso-form";

export const metadata: Metadata = { title: "Sign in with single sign-on" };

export default async function SingleSignOnPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : "/");
  if (await findCurrentUser()) redirect(callbackUrl);
  // Where the callback sends a refused sign-on: its reason, as a sentence of our own (never text from the address).
  const refusal = isSsoRefusal(sp.error) ? SSO_REFUSALS[sp.error] : null;
  const email = typeof sp.email === "string" ? sp.email.slice(0, 254) : "";
  const joined = sp.notice === "joined";
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Sign in with single sign-on</h1>
      <p className="mb-6 text-slate-700">
        For clinics that sign in through their own identity provider (such as Microsoft Entra ID, Okta or Keycloak).
      </p>
      {joined && !refusal && (
        <Alert tone="success">
          You joined the clinic. It signs in with single sign-on: continue with your work email.
        </Alert>
      )}
      {refusal && (
        <Alert tone="error" id="sso-error">
          {refusal}
        </Alert>
      )}
      <SingleSignOnForm callbackUrl={callbackUrl} defaultEmail={email} />
      <p className="mt-4 text-center text-sm">
        <Link
          href={callbackUrl === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-brand-700 underline"
        >
          Sign in with a password instead
        </Link>
      </p>
    </>
  );
}
