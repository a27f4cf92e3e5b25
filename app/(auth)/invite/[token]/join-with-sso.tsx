import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** An invite to a clinic that requires single sign-on: the account is made at the first sign-on, no password. */
export function JoinWithSso({ email }: { email: string }) {
  return (
    <>
      <p className="mb-4 text-slate-700">
        This clinic signs in with single sign-on: your account is made when you first sign in through your organisation.
      </p>
      <Link href={`/login/sso?email=${encodeURIComponent(email)}`} className={buttonClass("primary", "w-full")}>
        Sign in with single sign-on
      </Link>
    </>
  );
}
