"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { acceptInviteSchema } from "@/lib/accounts/schemas";
import { acceptInvite } from "@/lib/clinics/invites";

export const acceptInviteAction = publicAction({ schema: acceptInviteSchema }, async (info, input) => {
  const { email } = await acceptInvite(input.token, input, info);
  redirect(`/login?notice=invited&email=${encodeURIComponent(email)}`);
});
