import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findCurrentUser } from "@/lib/authz";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";
import { PasskeySignIn } from "./passkey-sign-in";
import { SingleSignOnLink } from "./sso/sso-link";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  reset: "Your password was changed. Sign in with the new one.",
  signedout: "You are signed out.",
  expired:
    "Your session ended. Sign in again to go back to where you were: what you typed in the handout builder comes back.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(typeof sp.callbackUrl === "string" ? sp.callbackUrl : "/");
  if (await findCurrentUser()) redirect(callbackUrl);
  const notice = typeof sp.notice === "string" ? NOTICES[sp.notice] : undefined;
  const email = typeof sp.email === "string" ? sp.email.slice(0, 254) : "";
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} notice={notice} defaultEmail={email} />
      <PasskeySignIn callbackUrl={callbackUrl} />
      <SingleSignOnLink callbackUrl={callbackUrl} />
    </>
  );
}
