"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { RecoveryCodeList } from "@/components/accounts/recovery-code-list";
import type { FormState } from "@/lib/forms";
import { replaceRecoveryCodesAction } from "./actions";

export function NewCodesForm({ clinicId }: { clinicId: string }) {
  const [state, action] = useActionState(replaceRecoveryCodesAction.bind(null, clinicId), { ok: false } as FormState<{
    codes: string[];
  }>);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm("Make ten new recovery codes? The ones you have now will stop working.")) e.preventDefault();
      }}
    >
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mb-3 text-sm font-medium ${state.ok ? "text-green-800" : "text-red-800"}`}
        >
          {state.message}
        </p>
      )}
      {state.ok && state.data && <RecoveryCodeList codes={state.data.codes} />}
      <SubmitButton variant="secondary" pendingText="Making codes…">
        Make new recovery codes
      </SubmitButton>
    </form>
  );
}
