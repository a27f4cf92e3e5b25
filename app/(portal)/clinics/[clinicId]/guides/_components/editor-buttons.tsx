"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";
import { createGuideDraftAction, editGuideAction } from "../drafts/actions";
import { markGuideReviewedAction } from "../[guideId]/actions";

// Entry points to the guide editor (OWNER/ADMIN; the pages show them only to managers, the actions check again).

export function WriteGuideButton({ clinicId }: { clinicId: string }) {
  const [state, action] = useActionState(createGuideDraftAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingText="Opening…">
        Write a guide
      </SubmitButton>
      {state.message && !state.ok && <p role="alert" className="mt-1 text-sm text-red-800">{state.message}</p>}
    </form>
  );
}

export function EditGuideButton({ clinicId, guideId }: { clinicId: string; guideId: string }) {
  const [state, action] = useActionState(editGuideAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="guideId" value={guideId} />
      <SubmitButton variant="secondary" pendingText="Opening…">
        Edit guide
      </SubmitButton>
      {state.message && !state.ok && <p role="alert" className="mt-1 text-sm text-red-800">{state.message}</p>}
    </form>
  );
}

export function MarkReviewedButton({ clinicId, guideId }: { clinicId: string; guideId: string }) {
  const [state, action] = useActionState(markGuideReviewedAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="guideId" value={guideId} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Mark as reviewed
      </SubmitButton>
      <p role="status" className="mt-1 text-sm">
        {state.message}
      </p>
    </form>
  );
}
