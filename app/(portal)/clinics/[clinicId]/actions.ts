"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { idSchema } from "@/lib/ids";
import { recipientSchema } from "@/lib/deliveries/schemas";
import { makeAndEmail } from "@/lib/handouts/make-and-email";

const makeAndEmailSchema = z.object({
  templateId: idSchema,
  recipient: recipientSchema,
  consent: z.literal("yes", { message: "Confirm that the patient asked to get this handout by email." }),
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "The form expired: reload the page and try again."),
});

/** "Make and email" on the clinic home: the template's handout generated and its email queued, in one go. */
export const makeAndEmailAction = clinicAction({ schema: makeAndEmailSchema }, async (ctx, input) => {
  const { handoutId } = await makeAndEmail(ctx, input);
  redirect(`/clinics/${ctx.clinic.id}/handouts/${handoutId}?emailed=1`);
});
