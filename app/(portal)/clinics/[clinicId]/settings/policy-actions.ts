"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { setSecondFactorPolicy } from "@/lib/clinics/second-factor-policy";
import type { FormState } from "@/lib/forms";

export const setSecondFactorPolicyAction = clinicAction(
  { schema: z.object({ required: z.enum(["on", "off"]) }), roles: ["OWNER"] },
  async (ctx, input): Promise<FormState> => {
    await setSecondFactorPolicy(ctx, input.required === "on");
    revalidatePath(`/clinics/${ctx.clinic.id}/settings`);
    return {
      ok: true,
      message:
        input.required === "on"
          ? "Two-step sign-in is now required. Members without it set it up at their next sign-in."
          : "Two-step sign-in is no longer required.",
    };
  },
);
