"use server";

import { redirect } from "next/navigation";
import { acceptInviteExistingUserSchema, acceptInviteNewUserSchema } from "@/lib/accounts/schemas";
import { acceptInvite } from "@/lib/clinics/invites";
import { requestInfo } from "@/lib/request-info";
import { fromError, invalid, type FormState } from "@/lib/forms";

export async function acceptInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = Object.fromEntries(formData);
  const hasAccount = raw.hasAccount === "1";
  const parsed = hasAccount ? acceptInviteExistingUserSchema.safeParse(raw) : acceptInviteNewUserSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, formData);
  let email: string;
  try {
    ({ email } = await acceptInvite(parsed.data.token, parsed.data, await requestInfo()));
  } catch (err) {
    return fromError(err, formData);
  }
  redirect(`/login?notice=invited&email=${encodeURIComponent(email)}`);
}
