"use client";

import { ActionButton } from "@/components/accounts/action-button";
import { resetSecondFactorAction } from "../second-factor-actions";

/** For a member who lost their phone: their authenticator and recovery codes go, and they are told by email. */
export function ResetSecondFactor({
  clinicId,
  membershipId,
  name,
  hasSecondFactor,
}: {
  clinicId: string;
  membershipId: string;
  name: string;
  hasSecondFactor: boolean;
}) {
  return (
    <div className={hasSecondFactor ? "mt-2" : undefined}>
      <ActionButton
        action={resetSecondFactorAction.bind(null, clinicId)}
        fields={{ membershipId }}
        showButton={hasSecondFactor}
        pendingText="Resetting…"
        confirmText={`Reset two-step sign-in for ${name}? They will be signed out everywhere and set it up again at their next sign-in.`}
      >
        Reset two-step sign-in<span className="sr-only"> for {name}</span>
      </ActionButton>
    </div>
  );
}
