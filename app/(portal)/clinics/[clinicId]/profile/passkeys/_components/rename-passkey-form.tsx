"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { renamePasskeyAction } from "../actions";

export function RenamePasskeyForm({ clinicId, passkey }: { clinicId: string; passkey: { id: string; name: string } }) {
  const [state, action] = useActionState(renamePasskeyAction.bind(null, clinicId), initialFormState);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="passkeyId" value={passkey.id} />
      <div className="min-w-0 flex-1 [&>div]:mb-0">
        <Field
          label={`Name of “${passkey.name}”`}
          id={`name-${passkey.id}`}
          name="name"
          maxLength={60}
          required
          defaultValue={state.values?.name ?? passkey.name}
          errors={state.fieldErrors?.name}
        />
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save name<span className="sr-only"> of {passkey.name}</span>
      </SubmitButton>
      {state.message && !state.fieldErrors && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`w-full text-sm font-medium ${state.ok ? "text-green-800" : "text-red-800"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
