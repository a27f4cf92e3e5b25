import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Under the password form: the way in for clinics that sign in through their own identity provider. */
export function SingleSignOnLink({ callbackUrl }: { callbackUrl: string }) {
  const href = callbackUrl === "/" ? "/login/sso" : `/login/sso?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="mt-6 border-t border-slate-200 pt-6">
      <Link href={href} className={buttonClass("secondary", "w-full")}>
        Sign in with single sign-on
      </Link>
    </div>
  );
}
