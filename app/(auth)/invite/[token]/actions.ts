"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { acceptInviteSchema } from "@/lib/accounts/schemas";
import { acceptInvite } from "@/lib/clinics/invites";
import { signInAfterInvite } from "@/lib/auth";
import { isPasswordRefused } from "@/lib/sso/password-policy";

// The new member has just shown their password (chosen or confirmed): signed in, they land on the clinic
// (through the second step when their account or the clinic asks for one).
export const acceptInviteAction = publicAction({ schema: acceptInviteSchema }, async (info, input) => {
  const { clinicId, userId, email } = await acceptInvite(input.token, input, info);
  // A clinic that requires single sign-on: the invite is accepted, and signing in is its provider's.
  if (await isPasswordRefused(userId)) redirect(`/login/sso?notice=joined&email=${encodeURIComponent(email)}`);
  redirect(await signInAfterInvite(userId, info, `/clinics/${clinicId}`));
});
