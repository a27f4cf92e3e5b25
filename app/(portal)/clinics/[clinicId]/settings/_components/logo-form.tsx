"use client";

import { useActionState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { initialFormState } from "@/lib/forms";
import { LOGO_MAX_BYTES } from "@/lib/clinics/schemas";
import { removeLogoAction, uploadLogoAction } from "../actions";

export function LogoForm({ clinicId, logoUrl }: { clinicId: string; logoUrl: string | null }) {
  const [state, action] = useFormAction(uploadLogoAction.bind(null, clinicId), initialFormState, {
    logo: { maxBytes: LOGO_MAX_BYTES, noun: "a logo" },
  });
  const [removed, remove] = useActionState(removeLogoAction.bind(null, clinicId), initialFormState);
  return (
    <>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {removed.message && <Alert tone={removed.ok ? "success" : "error"}>{removed.message}</Alert>}
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- a member-only route; next/image would proxy it
        <img
          src={logoUrl}
          alt="Current clinic logo"
          className="mb-4 max-h-24 rounded border border-slate-200 bg-white p-2"
        />
      ) : (
        <p className="mb-4 text-sm text-slate-700">No logo yet: handouts show the clinic name instead.</p>
      )}
      <form action={action} noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Upload a logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          hint="PNG, JPEG or WebP, at most 2 MB and 4000×4000 pixels."
          errors={state.fieldErrors?.logo}
        />
        <SubmitButton pendingText="Uploading…">Upload logo</SubmitButton>
      </form>
      {logoUrl && (
        <form action={remove} className="mt-3">
          <SubmitButton variant="secondary" pendingText="Removing…">
            Remove logo
          </SubmitButton>
        </form>
      )}
    </>
  );
}
