import { PasskeyForm } from "@/components/accounts/passkey-form";
import { passkeySecondStepAction, passkeySecondStepOptionsAction } from "./passkey-actions";
import { TrustBrowser } from "./trust-browser";

export function PasskeyStep({ callbackUrl }: { callbackUrl: string }) {
  return (
    <PasskeyForm start={passkeySecondStepOptionsAction} finish={passkeySecondStepAction} label="Use your passkey">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TrustBrowser />
    </PasskeyForm>
  );
}
