"use client";

import { ErrorSummary } from "@/components/ui/error-summary";
import { useFormAction } from "@/components/ui/use-form-action";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms";
import { ZIP_MAX_BYTES } from "@/lib/guides/import/file-limits";
import { importZipAction } from "../actions";

export function ImportZipForm({ clinicId }: { clinicId: string }) {
  const [state, action] = useFormAction(importZipAction.bind(null, clinicId), { ok: false } as FormState, {
    file: { maxBytes: ZIP_MAX_BYTES, noun: "a guide's zip" },
  });
  return (
    <Card className="mt-6">
      <h2 className="mb-3 text-lg font-semibold">A guide with pictures (.zip)</h2>
      <form action={action} noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Zip file"
          name="file"
          id="zip-file"
          type="file"
          accept=".zip,application/zip"
          hint='One Markdown file and its pictures (PNG, JPEG or WebP, up to 5 MB each), named in the text by their path inside the zip: ![What it shows](images/stretch.jpg "Caption"). At most 20 MB and 200 files. Imported in one step, with a message naming any file that is refused.'
          errors={state.fieldErrors?.file}
        />
        <SubmitButton pendingText="Importing…" variant="secondary">
          Import the zip
        </SubmitButton>
      </form>
    </Card>
  );
}
