import type { Metadata } from "next";
import Link from "next/link";
import { findValidReset } from "@/lib/accounts/password-reset";
import { Alert } from "@/components/ui/alert";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findValidReset(token);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Choose a new password</h1>
      {reset ? (
        <ResetPasswordForm token={token} email={reset.user.email} />
      ) : (
        <>
          <Alert tone="error">This reset link has expired or was already used.</Alert>
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            Ask for a new link
          </Link>
        </>
      )}
    </>
  );
}
