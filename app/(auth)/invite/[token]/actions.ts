"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { acceptInviteSchema } from "@/lib/accounts/schemas";
import { acceptInvite } from "@/lib/clinics/invites";
import { signInAfterInvite } from "@/lib/auth";

// The new member has just shown their password (chosen or confirmed): signed in, they land on the clinic
// (through the second step when their account or the clinic asks for one).
export const acceptInviteAction = publicAction({ schema: acceptInviteSchema }, async (info, input) => {
  const { clinicId, userId } = await acceptInvite(input.token, input, info);
  redirect(await signInAfterInvite(userId, info, `/clinics/${clinicId}`));
});
