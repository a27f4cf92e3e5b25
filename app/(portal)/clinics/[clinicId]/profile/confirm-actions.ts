"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { confirmPassword } from "@/lib/accounts/recent-sign-in";
import type { FormState } from "@/lib/forms";

// "Confirm it is you" on the two-step and passkey pages: the password again, then the page re-renders open.
export const confirmPasswordAction = clinicAction(
  {
    schema: z.object({
      password: z.string().min(1, "Enter your password.").max(1024, "That is longer than any password here."),
    }),
  },
  async (ctx, input): Promise<FormState> => {
    await confirmPassword(ctx.user, input.password, ctx.info);
    revalidatePath(`/clinics/${ctx.clinic.id}/profile`, "layout");
    return { ok: true };
  },
);
