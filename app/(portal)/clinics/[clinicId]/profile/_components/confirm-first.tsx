import { Card, PageHeader } from "@/components/ui/card";
import { ConfirmPasswordForm } from "@/components/accounts/confirm-password-form";
import { confirmPasswordAction } from "../confirm-actions";

/** What the sign-in settings pages show instead of themselves until the password is confirmed again. */
export function ConfirmFirst({ clinicId, email, title, description }: { clinicId: string; email: string; title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card className="max-w-xl">
        <ConfirmPasswordForm action={confirmPasswordAction.bind(null, clinicId)} email={email} />
      </Card>
    </>
  );
}
