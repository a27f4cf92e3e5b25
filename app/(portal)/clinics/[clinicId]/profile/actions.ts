"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/authz";
import { fromError, invalid, type FormState } from "@/lib/forms";
import { profileSchema } from "@/lib/clinics/schemas";
import { updateProfile } from "@/lib/clinics/branding";

// Each member edits only their own profile: the user id comes from the session, never from the form.
export async function updateProfileAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = profileSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  await updateProfile(ctx.user.id, parsed.data);
  revalidatePath(`/clinics/${clinicId}`, "layout");
  return { ok: true, message: "Saved. New handouts use these details in their contact block." };
}
