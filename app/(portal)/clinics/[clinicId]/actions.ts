"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { idSchema } from "@/lib/ids";
import { consentSchema, deliveryModeFields, formKeySchema, recipientSchema, requireAttachmentNotice } from "@/lib/deliveries/schemas";
import { makeAndEmail } from "@/lib/handouts/make-and-email";

const makeAndEmailSchema = requireAttachmentNotice(
  z.object({
    templateId: idSchema,
    recipient: recipientSchema,
    consent: consentSchema,
    requestKey: formKeySchema,
    ...deliveryModeFields,
  }),
);

/** "Make and email" on the clinic home: the template's handout generated and its email queued, in one go. */
export const makeAndEmailAction = clinicAction({ schema: makeAndEmailSchema }, async (ctx, input) => {
  const { handoutId } = await makeAndEmail(ctx, input);
  redirect(`/clinics/${ctx.clinic.id}/handouts/${handoutId}?emailed=1`);
});
