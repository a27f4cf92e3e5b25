"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { sendHandoutSchema } from "@/lib/deliveries/schemas";
import { requestDelivery, retryDelivery } from "@/lib/deliveries/mutations";
import { requestInfo } from "@/lib/request-info";

export async function sendHandoutAction(clinicId: string, handoutId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = sendHandoutSchema.safeParse({
    recipient: formData.get("recipient"),
    consent: formData.get("consent") ?? "",
    message: formData.get("message") ?? "",
    idempotencyKey: formData.get("idempotencyKey"),
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    await requestDelivery(ctx.user.id, clinicId, handoutId, parsed.data, await requestInfo());
  } catch (err) {
    return fromError(err, formData);
  }
  revalidatePath(`/clinics/${clinicId}/handouts/${handoutId}`);
  return { ok: true, message: "The email is queued. Its status updates below." };
}

export async function retryDeliveryAction(clinicId: string, handoutId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  try {
    await retryDelivery(ctx.user.id, clinicId, String(formData.get("deliveryId") ?? ""), await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/clinics/${clinicId}/handouts/${handoutId}`);
  return { ok: true, message: "Sending again." };
}
