"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { SubmitButton } from "@/components/ui/submit-button";
import { createGuideDraftAction, editGuideAction } from "../drafts/actions";
import { copyLibraryGuideAction, markGuideReviewedAction } from "../[guideId]/actions";

// The guide buttons only OWNER/ADMIN see (the pages check the role, the actions check it again): each one
// form posting a guide id, with the action's answer below it.

type GuideAction = (clinicId: string, prev: unknown, formData: FormData) => Promise<FormState<unknown>>;

function GuideActionForm({
  action,
  clinicId,
  guideId,
  label,
  pendingText,
}: {
  action: GuideAction;
  clinicId: string;
  guideId?: string;
  label: string;
  pendingText: string;
}) {
  const [state, formAction] = useActionState(action.bind(null, clinicId), initialFormState);
  return (
    <form action={formAction}>
      {guideId && <input type="hidden" name="guideId" value={guideId} />}
      <SubmitButton variant="secondary" pendingText={pendingText}>
        {label}
      </SubmitButton>
      <p role={state.ok ? "status" : "alert"} className={`mt-1 text-sm ${state.ok ? "" : "text-red-800"}`}>
        {state.message}
      </p>
    </form>
  );
}

export const WriteGuideButton = ({ clinicId }: { clinicId: string }) => (
  <GuideActionForm action={createGuideDraftAction} clinicId={clinicId} label="Write a guide" pendingText="Opening…" />
);

export const EditGuideButton = ({ clinicId, guideId }: { clinicId: string; guideId: string }) => (
  <GuideActionForm
    action={editGuideAction}
    clinicId={clinicId}
    guideId={guideId}
    label="Edit guide"
    pendingText="Opening…"
  />
);

export const MarkReviewedButton = ({ clinicId, guideId }: { clinicId: string; guideId: string }) => (
  <GuideActionForm
    action={markGuideReviewedAction}
    clinicId={clinicId}
    guideId={guideId}
    label="Mark as reviewed"
    pendingText="Saving…"
  />
);

export const CopyGuideButton = ({ clinicId, guideId }: { clinicId: string; guideId: string }) => (
  <GuideActionForm
    action={copyLibraryGuideAction}
    clinicId={clinicId}
    guideId={guideId}
    label="Make a clinic copy"
    pendingText="Copying…"
  />
);
