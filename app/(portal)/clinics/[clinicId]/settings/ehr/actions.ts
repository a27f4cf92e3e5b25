"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { ehrSettingsSchema } from "@/lib/ehr/schemas";
import { saveEhrSettings } from "@/lib/ehr/connection";
import type { FormState } from "@/lib/forms";

export const saveEhrSettingsAction = clinicAction(
  { schema: ehrSettingsSchema, roles: ["OWNER"] },
  async (ctx, input): Promise<FormState> => {
    await saveEhrSettings(ctx, input);
    revalidatePath(`/clinics/${ctx.clinic.id}/settings/ehr`);
    return {
      ok: true,
      message:
        "Saved. The EHR's SMART configuration was read; register the launch URL, redirect URI and key set below in the EHR.",
    };
  },
);
