"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { idSchema } from "@/lib/ids";
import { unlinkEhrUser } from "@/lib/ehr/identity";
import type { FormState } from "@/lib/forms";

export const unlinkEhrUserAction = clinicAction(
  { schema: z.object({ identityId: idSchema }) },
  async (ctx, { identityId }): Promise<FormState> => {
    await unlinkEhrUser(ctx, identityId);
    revalidatePath(`/clinics/${ctx.clinic.id}/profile`);
    return { ok: true, message: "Unlinked. A launch from the EHR now asks you to link again." };
  },
);
