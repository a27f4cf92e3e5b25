import { PasskeyForm } from "@/components/accounts/passkey-form";
import { passkeySignInAction, passkeySignInOptionsAction } from "./passkey-actions";

/**
 * Below the password form: a passkey signs in on its own (it checks it is you, so it counts as two factors).
 * Its button does not begin "Sign in", so the password form's stays the only one named so.
 */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  return (
    <section aria-labelledby="passkey-heading" className="mt-6 border-t border-slate-200 pt-6">
      <h2 id="passkey-heading" className="mb-1 text-base font-semibold">
        Sign in with a passkey
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        No password needed: your device checks it is you with your fingerprint, face or PIN.
      </p>
      <PasskeyForm
        start={passkeySignInOptionsAction}
        finish={passkeySignInAction}
        label="Use a passkey"
        variant="secondary"
      >
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
      </PasskeyForm>
    </section>
  );
}
