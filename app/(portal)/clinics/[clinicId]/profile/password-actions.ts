"use server";

import { redirect } from "next/navigation";
import { clinicAction } from "@/lib/actions";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { changePassword } from "@/lib/accounts/password-change";
import { setSessionCookies } from "@/lib/accounts/session-cookie";

// The profile's "Change password": this browser gets its new session, every other one is signed out.
export const changePasswordAction = clinicAction({ schema: changePasswordSchema }, async (ctx, input) => {
  const changed = await changePassword(ctx.user, input, ctx.info);
  await setSessionCookies({ ...ctx.user, sessionVersion: changed.sessionVersion }, changed.sessionId);
  redirect(`/clinics/${ctx.clinic.id}/profile?changed=password`);
});
