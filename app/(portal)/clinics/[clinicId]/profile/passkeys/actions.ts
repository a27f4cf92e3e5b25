"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { requireRecentSignIn } from "@/lib/accounts/recent-sign-in";
import { currentPasskeySite } from "@/lib/accounts/passkey-site";
import { addPasskeySchema, removePasskeySchema, renamePasskeySchema } from "@/lib/accounts/passkey-schemas";
import { addPasskey, removePasskey, renamePasskey, startPasskeyRegistration } from "@/lib/accounts/passkeys";
import type { FormState } from "@/lib/forms";

// The member's own passkeys. Bound to a clinic like every portal action; what they change is their account.
const refresh = (clinicId: string) => revalidatePath(`/clinics/${clinicId}/profile`, "layout");

export const passkeyRegistrationOptionsAction = clinicAction({ schema: z.object({}) }, async (ctx) => {
  await requireRecentSignIn(ctx.user);
  return { ok: true, data: { options: await startPasskeyRegistration(ctx.user, await currentPasskeySite()) } };
});

export const addPasskeyAction = clinicAction(
  { schema: addPasskeySchema },
  async (ctx, input): Promise<FormState<{ recoveryCodes: string[] | null }>> => {
    await requireRecentSignIn(ctx.user);
    const added = await addPasskey(ctx.user.id, await currentPasskeySite(), input, ctx.info);
    refresh(ctx.clinic.id);
    return { ok: true, message: `Passkey “${input.name}” added.`, data: { recoveryCodes: added.recoveryCodes } };
  },
);

export const renamePasskeyAction = clinicAction(
  { schema: renamePasskeySchema },
  async (ctx, input): Promise<FormState> => {
    const renamed = await renamePasskey(ctx.user.id, input.passkeyId, input.name);
    refresh(ctx.clinic.id);
    return renamed ? { ok: true, message: "Name saved." } : { ok: false, message: "That passkey was already removed." };
  },
);

export const removePasskeyAction = clinicAction(
  { schema: removePasskeySchema },
  async (ctx, input): Promise<FormState> => {
    await requireRecentSignIn(ctx.user);
    const removed = await removePasskey(ctx.user.id, input.passkeyId, ctx.info);
    refresh(ctx.clinic.id);
    return removed
      ? { ok: true, message: "Passkey removed." }
      : { ok: false, message: "That passkey was already removed." };
  },
);
