"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { MANAGERS } from "@/lib/member-context";
import { removeMemberSchema } from "@/lib/clinics/schemas";
import { resetMemberSecondFactor } from "@/lib/clinics/second-factor-policy";
import type { FormState } from "@/lib/forms";

export const resetSecondFactorAction = clinicAction(
  { schema: removeMemberSchema, roles: MANAGERS },
  async (ctx, input): Promise<FormState> => {
    await resetMemberSecondFactor(ctx, input.membershipId);
    revalidatePath(`/clinics/${ctx.clinic.id}/members`);
    return { ok: true, message: "Two-step sign-in was reset. They have been signed out and told by email." };
  },
);
