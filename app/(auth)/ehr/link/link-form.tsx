"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { linkEhrUserAction } from "./actions";

export function LinkForm({ clinicId, email }: { clinicId: string; email: string }) {
  const [state, action] = useActionState(linkEhrUserAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action}>
      <ErrorSummary state={state} />
      <SubmitButton pendingText="Linking…">Link to {email} and continue</SubmitButton>
    </form>
  );
}
