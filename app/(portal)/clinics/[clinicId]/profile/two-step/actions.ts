"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { requireRecentSignIn } from "@/lib/accounts/recent-sign-in";
import { enrolmentSchema } from "@/lib/accounts/second-factor-schemas";
import { enrolTotp, removeOwnSecondFactor, replaceOwnRecoveryCodes } from "@/lib/accounts/second-factor-settings";
import type { FormState } from "@/lib/forms";

// The member's own second factor. Bound to a clinic like every portal action; what they change is their account.
export const enrolTotpAction = clinicAction(
  { schema: enrolmentSchema },
  async (ctx, input): Promise<FormState<{ codes: string[] }>> => {
    await requireRecentSignIn(ctx.user);
    const codes = await enrolTotp(ctx.user.id, input, ctx.info);
    return { ok: true, data: { codes } };
  },
);

export const replaceRecoveryCodesAction = clinicAction(
  { schema: z.object({}) },
  async (ctx): Promise<FormState<{ codes: string[] }>> => {
    await requireRecentSignIn(ctx.user);
    const codes = await replaceOwnRecoveryCodes(ctx.user.id, ctx.info);
    return { ok: true, message: "New recovery codes made. The old ones no longer work.", data: { codes } };
  },
);

export const removeSecondFactorAction = clinicAction({ schema: z.object({}) }, async (ctx): Promise<FormState> => {
  await requireRecentSignIn(ctx.user);
  await removeOwnSecondFactor(ctx.user.id, ctx.info);
  revalidatePath(`/clinics/${ctx.clinic.id}/profile`, "layout");
  return { ok: true, message: "Two-step sign-in is off." };
});
