"use client";

import { useActionState, useState } from "react";
import { TextArea } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";
import { voidHandoutAction } from "../actions";

/** "Void this handout": for one made in error (wrong patient, wrong guide). Asks for the reason. */
export function VoidForm({ clinicId, handoutId }: { clinicId: string; handoutId: string }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(voidHandoutAction.bind(null, clinicId), initialFormState);
  if (!open) {
    return (
      <div className="mt-6 border-t border-slate-200 pt-4">
        <button type="button" onClick={() => setOpen(true)} className={buttonClass("secondary")}>
          Void this handout…
        </button>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="mt-6 border-t border-slate-200 pt-4">
      <h3 className="font-semibold">Void this handout</h3>
      <p className="mb-2 text-sm text-slate-700">
        For a handout made in error. It stays on record exactly as it was given, marked void, and can no longer be
        emailed.
      </p>
      <ErrorSummary state={state} />
      <input type="hidden" name="handoutId" value={handoutId} />
      <TextArea
        label="Reason"
        name="reason"
        rows={2}
        maxLength={300}
        required
        hint="For example: made for the wrong patient."
        errors={state.fieldErrors?.reason}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingText="Voiding…">
          Void handout
        </SubmitButton>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </form>
  );
}
