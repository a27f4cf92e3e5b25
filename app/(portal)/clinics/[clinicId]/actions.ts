"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { idSchema } from "@/lib/ids";
import {
  confirmRecipientSchema,
  consentSchema,
  deliveryModeFields,
  formKeySchema,
  recipientSchema,
  requireAttachmentNotice,
  type RecipientCheck,
} from "@/lib/deliveries/schemas";
import { checkRecipient } from "@/lib/deliveries/recipient-check";
import { formValues, type FormState } from "@/lib/forms";
import { makeAndEmail } from "@/lib/printing/make-and-email";

const makeAndEmailSchema = requireAttachmentNotice(
  z.object({
    templateId: idSchema,
    recipient: recipientSchema,
    consent: consentSchema,
    requestKey: formKeySchema,
    confirmRecipient: confirmRecipientSchema,
    ...deliveryModeFields,
  }),
);

/** "Make and email" on the clinic home: the template's handout generated and its email queued, in one go. */
export const makeAndEmailAction = clinicAction(
  { schema: makeAndEmailSchema },
  async (ctx, input, formData): Promise<FormState<{ check: RecipientCheck }>> => {
    const check = await checkRecipient(ctx, { ...input, idempotencyKey: input.requestKey });
    if (check) return { ok: false, data: { check }, values: formValues(formData) };
    const { handoutId } = await makeAndEmail(ctx, input);
    redirect(`/clinics/${ctx.clinic.id}/handouts/${handoutId}?emailed=1`);
  },
);
