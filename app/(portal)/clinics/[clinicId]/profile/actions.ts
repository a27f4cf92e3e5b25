"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { profileSchema } from "@/lib/accounts/schemas";
import { updateProfile } from "@/lib/accounts/profile";
import type { FormState } from "@/lib/forms";

export const updateProfileAction = clinicAction({ schema: profileSchema }, async (ctx, input): Promise<FormState> => {
  await updateProfile(ctx, input);
  revalidatePath(`/clinics/${ctx.clinic.id}`, "layout");
  return { ok: true, message: "Saved. New handouts use these details in their contact block." };
});
