"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { revokeInviteAction } from "../actions";

export function RevokeInviteButton({
  clinicId,
  inviteId,
  email,
}: {
  clinicId: string;
  inviteId: string;
  email: string;
}) {
  const [state, action] = useActionState(revokeInviteAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton variant="secondary" pendingText="Withdrawing…">
        Withdraw<span className="sr-only"> invite for {email}</span>
      </SubmitButton>
      {state.message && !state.ok && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
