"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clinicAction } from "@/lib/actions";
import { idSchema } from "@/lib/ids";
import { signOutDevice, signOutOtherDevices } from "@/lib/accounts/devices";
import { revokeTrustedBrowser } from "@/lib/accounts/trusted-browsers";
import type { FormState } from "@/lib/forms";

// The profile's "Signed-in devices" and "Trusted browsers": each acts on the member's own rows only.
const refresh = (clinicId: string) => revalidatePath(`/clinics/${clinicId}/profile`);

export const signOutDeviceAction = clinicAction(
  { schema: z.object({ sessionId: idSchema }) },
  async (ctx, input): Promise<FormState> => {
    const ended = await signOutDevice(ctx.user, input.sessionId, ctx.info);
    refresh(ctx.clinic.id);
    return ended ? { ok: true, message: "Signed out." } : { ok: false, message: "That session had already ended." };
  },
);

export const signOutOtherDevicesAction = clinicAction({ schema: z.object({}) }, async (ctx): Promise<FormState> => {
  const count = await signOutOtherDevices(ctx.user, ctx.info);
  refresh(ctx.clinic.id);
  return { ok: true, message: count === 1 ? "Signed out 1 other session." : `Signed out ${count} other sessions.` };
});

export const revokeTrustedBrowserAction = clinicAction(
  { schema: z.object({ trustedBrowserId: idSchema }) },
  async (ctx, input): Promise<FormState> => {
    const revoked = await revokeTrustedBrowser(ctx.user.id, input.trustedBrowserId, ctx.info);
    refresh(ctx.clinic.id);
    return revoked
      ? { ok: true, message: "That browser will ask for a code again." }
      : { ok: false, message: "That browser was no longer trusted." };
  },
);
