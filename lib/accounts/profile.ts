import "server-only";
import { db } from "@/lib/db";
import type { ProfileInput } from "@/lib/accounts/schemas";
import type { MemberContext } from "@/lib/member-context";

/** Each member edits only their own profile: the user comes from the session, never from the form. */
export async function updateProfile(ctx: MemberContext, input: ProfileInput) {
  await db.user.update({
    where: { id: ctx.user.id },
    data: { name: input.name, credentials: input.credentials || null, directPhone: input.directPhone || null },
  });
}
