// Shared shape of what a server action returns to its form, so every form shows per-field errors the same way.
import { z } from "zod";
import { isAppError } from "@/lib/errors";

export type FormState<T = undefined> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
  // Echo of what was submitted, so a form re-rendered with errors keeps the user's input.
  values?: Record<string, string>;
  // The session had ended: nothing was done; the page offers to sign in again (components/portal/idle-warning.tsx).
  signedOut?: boolean;
};

export const initialFormState: FormState = { ok: false };

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) out[key] = value;
  }
  return out;
}

/**
 * Field errors keyed by the form's field names: the last named step of each issue's path, so nested input
 * (the builder's contact block, a list of section keys) maps to the flat inputs the form really has.
 */
export function fieldErrorsOf(error: z.ZodError): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = [...issue.path].reverse().find((p): p is string => typeof p === "string");
    if (name === undefined) formErrors.push(issue.message);
    else (fieldErrors[name] ??= []).push(issue.message);
  }
  return { formErrors, fieldErrors };
}

export function invalid(error: z.ZodError, formData?: FormData): FormState<never> {
  const { formErrors, fieldErrors } = fieldErrorsOf(error);
  return {
    ok: false,
    message: formErrors[0] ?? "Please correct the highlighted fields.",
    fieldErrors,
    values: formData ? formValues(formData) : undefined,
  };
}

// Expected domain failures become a message on the form; anything else is rethrown to error.tsx.
export function fromError(error: unknown, formData?: FormData): FormState<never> {
  if (isAppError(error)) {
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.fieldErrors,
      values: formData ? formValues(formData) : undefined,
      ...(error.code === "UNAUTHENTICATED" ? { signedOut: true } : {}),
    };
  }
  throw error;
}
