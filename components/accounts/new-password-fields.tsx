import { Field } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/password-policy";

/** New password + confirmation, with the rules stated up front. */
export function NewPasswordFields({ errors }: { errors?: Record<string, string[] | undefined> }) {
  return (
    <>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words work well.`}
        errors={errors?.password}
      />
      <Field
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
    </>
  );
}
