"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { retryDeliverySchema, sendHandoutSchema, type RecipientCheck } from "@/lib/deliveries/schemas";
import { requestDelivery, retryDelivery } from "@/lib/deliveries/mutations";
import { checkRecipient } from "@/lib/deliveries/recipient-check";
import { formValues, type FormState } from "@/lib/forms";
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { voidHandout } from "@/lib/handouts/mutations";
import { revokeLink } from "@/lib/links/mutations";
import { fileToChart } from "@/lib/ehr/chart-status";

export const sendHandoutAction = clinicAction(
  { schema: sendHandoutSchema },
  async (ctx, input, formData): Promise<FormState<{ check: RecipientCheck }>> => {
    const check = await checkRecipient(ctx, input);
    if (check) return { ok: false, data: { check }, values: formValues(formData) };
    await requestDelivery(ctx, input);
    revalidatePath(`/clinics/${ctx.clinic.id}/handouts/${input.handoutId}`);
    return { ok: true, message: "The email is queued. Its status updates below." };
  },
);

export const retryDeliveryAction = clinicAction(
  { schema: retryDeliverySchema },
  async (ctx, { deliveryId }): Promise<FormState> => {
    await retryDelivery(ctx, deliveryId);
    revalidatePath(`/clinics/${ctx.clinic.id}/handouts`, "layout");
    return { ok: true, message: "Sending again." };
  },
);

const voidSchema = z.object({
  handoutId: idSchema,
  reason: z.string().trim().min(3, "Say why the handout is void.").max(300, "Keep the reason under 300 characters."),
});

export const voidHandoutAction = clinicAction(
  { schema: voidSchema },
  async (ctx, { handoutId, reason }): Promise<FormState> => {
    await voidHandout(ctx, handoutId, reason);
    revalidatePath(`/clinics/${ctx.clinic.id}/handouts`, "layout");
    return { ok: true, message: "The handout is void." };
  },
);

export const revokeLinkAction = clinicAction(
  { schema: z.object({ handoutId: idSchema }) },
  async (ctx, { handoutId }): Promise<FormState> => {
    await revokeLink(ctx, handoutId);
    revalidatePath(`/clinics/${ctx.clinic.id}/handouts`, "layout");
    return { ok: true, message: "The link is withdrawn." };
  },
);

export const fileToChartAction = clinicAction(
  { schema: z.object({ handoutId: idSchema }) },
  async (ctx, { handoutId }): Promise<FormState> => {
    const { patient } = await fileToChart(ctx, handoutId);
    revalidatePath(`/clinics/${ctx.clinic.id}/handouts/${handoutId}`);
    return { ok: true, message: `Queued for the chart of ${patient}. Its state updates below.` };
  },
);
