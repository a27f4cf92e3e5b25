"use server";

import { revalidatePath } from "next/cache";
import { requireMember, MANAGERS } from "@/lib/authz";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { brandingSchema } from "@/lib/clinics/schemas";
import { removeLogo, setLogo, updateBranding } from "@/lib/clinics/branding";
import { requestInfo } from "@/lib/request-info";

export async function updateBrandingAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = brandingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    await updateBranding(ctx.user.id, clinicId, parsed.data, await requestInfo());
  } catch (err) {
    return fromError(err, formData);
  }
  revalidatePath(`/clinics/${clinicId}`, "layout");
  return { ok: true, message: "Saved. Handouts generated from now on use these settings." };
}

export async function uploadLogoAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const file = formData.get("logo");
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { logo: ["Choose an image file."] } };
  try {
    await setLogo(ctx.user.id, clinicId, Buffer.from(await file.arrayBuffer()), { name: file.name, type: file.type }, await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/clinics/${clinicId}/settings`);
  return { ok: true, message: "Logo saved." };
}

export async function removeLogoAction(clinicId: string): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  await removeLogo(ctx.user.id, clinicId, await requestInfo());
  revalidatePath(`/clinics/${clinicId}/settings`);
  return { ok: true, message: "Logo removed." };
}
