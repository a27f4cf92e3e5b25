import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

/** A second-step page reached without a usable pending sign-in: why, and the way back to the start. */
export function StartAgain({ title, message, callbackUrl }: { title: string; message: string; callbackUrl: string }) {
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
      <Alert tone="warning">{message}</Alert>
      <Link
        href={callbackUrl === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        className={buttonClass("primary", "w-full")}
      >
        Sign in again
      </Link>
    </>
  );
}
