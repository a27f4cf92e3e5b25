"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { retryDeliverySchema, sendHandoutSchema } from "@/lib/deliveries/schemas";
import { requestDelivery, retryDelivery } from "@/lib/deliveries/mutations";
import type { FormState } from "@/lib/forms";

export const sendHandoutAction = clinicAction({ schema: sendHandoutSchema }, async (ctx, input): Promise<FormState> => {
  await requestDelivery(ctx, input);
  revalidatePath(`/clinics/${ctx.clinic.id}/handouts/${input.handoutId}`);
  return { ok: true, message: "The email is queued. Its status updates below." };
});

export const retryDeliveryAction = clinicAction({ schema: retryDeliverySchema }, async (ctx, { deliveryId }): Promise<FormState> => {
  await retryDelivery(ctx, deliveryId);
  revalidatePath(`/clinics/${ctx.clinic.id}/handouts`, "layout");
  return { ok: true, message: "Sending again." };
});
