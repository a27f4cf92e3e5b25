import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmPasswordForm } from "@/components/accounts/confirm-password-form";
import { confirmPasswordAction } from "../confirm-actions";

/** What the sign-in settings pages show instead of themselves until the password is confirmed again. */
export function ConfirmFirst({
  clinicId,
  email,
  title,
  description,
  sso,
}: {
  clinicId: string;
  email: string;
  title: string;
  description: string;
  sso: boolean;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card className="max-w-xl">
        {sso ? (
          // A session made by the clinic's single sign-on has no portal password to type again (lib/sso).
          <>
            <h2 className="mb-1 text-lg font-semibold">Sign in again first</h2>
            <p className="text-sm text-slate-700">
              Changes to how you sign in need a sign-in from the last 10 minutes. Sign out, then sign in again through
              your clinic&apos;s single sign-on.
            </p>
          </>
        ) : (
          <ConfirmPasswordForm action={confirmPasswordAction.bind(null, clinicId)} email={email} />
        )}
      </Card>
    </>
  );
}
