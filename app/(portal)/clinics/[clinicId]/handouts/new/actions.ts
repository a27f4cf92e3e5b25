"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { discardDraft } from "@/lib/handout-drafts/mutations";
import { clinicAction } from "@/lib/actions";
import { isAppError } from "@/lib/errors";
import { formValues, type FormState } from "@/lib/forms";
import { createTemplateSchema } from "@/lib/templates/schemas";
import { createTemplate } from "@/lib/templates/mutations";
import { createHandout } from "@/lib/printing/generate";
import { draftFromFormData, handoutDraftSchema } from "@/lib/handouts/schemas";
import { chartFilingAfterGenerate } from "@/lib/ehr/launches";

export const createHandoutAction = clinicAction(
  { schema: handoutDraftSchema, read: draftFromFormData },
  async (ctx, draft, formData): Promise<FormState> => {
    let id: string;
    try {
      ({ id } = await createHandout(ctx, draft, await chartFilingAfterGenerate(ctx, draft.ehrLaunchId)));
    } catch (err) {
      if (isAppError(err)) throw err;
      console.error("handout generation failed", err);
      return {
        ok: false,
        message: "The PDF could not be generated, so nothing was saved. Please try again.",
        values: formValues(formData),
      };
    }
    redirect(`/clinics/${ctx.clinic.id}/handouts/${id}?generated=1`);
  },
);

/** "Save as template" from the builder: the same form, stored as a template instead of a handout. */
export const saveTemplateAction = clinicAction(
  {
    schema: createTemplateSchema,
    read: (fd) => ({ ...(draftFromFormData(fd) as object), templateName: fd.get("templateName") ?? "" }),
  },
  async (ctx, input): Promise<FormState> => {
    await createTemplate(ctx, input);
    return { ok: true, message: `Template “${input.templateName}” saved. Find it under Templates.` };
  },
);

/** "Discard draft": the builder's draft goes, and the clinician lands back on the clinic home. */
export const discardDraftAction = clinicAction(
  { schema: z.object({ draftId: idSchema }) },
  async (ctx, { draftId }) => {
    await discardDraft(ctx, draftId);
    redirect(`/clinics/${ctx.clinic.id}`);
  },
);
