"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** One button that runs a bound action with a few hidden fields, and says how it went beside it. */
export function ActionButton({
  action,
  fields = {},
  children,
  pendingText,
  variant = "secondary",
  confirmText,
  showButton = true,
}: {
  action: Action;
  fields?: Record<string, string>;
  children: React.ReactNode;
  pendingText: string;
  variant?: ButtonVariant;
  confirmText?: string;
  /** False once what it does is done (the page re-rendered without it): only its message stays. */
  showButton?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirmText && !confirm(confirmText)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {showButton && (
        <SubmitButton variant={variant} pendingText={pendingText}>
          {children}
        </SubmitButton>
      )}
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-1 text-sm font-medium ${state.ok ? "text-green-800" : "text-red-800"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
