"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { brandingSchema } from "@/lib/clinics/schemas";
import { removeLogo, setLogo, updateBranding } from "@/lib/clinics/branding";
import type { FormState } from "@/lib/forms";

export const updateBrandingAction = clinicAction({ schema: brandingSchema }, async (ctx, input): Promise<FormState> => {
  await updateBranding(ctx, input);
  revalidatePath(`/clinics/${ctx.clinic.id}`, "layout");
  return { ok: true, message: "Saved. Handouts generated from now on use these settings." };
});

const logoSchema = z.object({
  logo: z.instanceof(File, { message: "Choose an image file." }).refine((f) => f.size > 0, "Choose an image file."),
});

export const uploadLogoAction = clinicAction({ schema: logoSchema }, async (ctx, { logo }): Promise<FormState> => {
  await setLogo(ctx, Buffer.from(await logo.arrayBuffer()), { name: logo.name, type: logo.type });
  revalidatePath(`/clinics/${ctx.clinic.id}/settings`);
  return { ok: true, message: "Logo saved." };
});

export const removeLogoAction = clinicAction({ schema: z.object({}) }, async (ctx): Promise<FormState> => {
  await removeLogo(ctx);
  revalidatePath(`/clinics/${ctx.clinic.id}/settings`);
  return { ok: true, message: "Logo removed." };
});
