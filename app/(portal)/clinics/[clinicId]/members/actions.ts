"use server";

import { revalidatePath } from "next/cache";
import { clinicAction } from "@/lib/actions";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from "@/lib/clinics/schemas";
import { createInvite, revokeInvite } from "@/lib/clinics/invites";
import { changeRole, removeMember } from "@/lib/clinics/mutations";
import type { FormState } from "@/lib/forms";

const refresh = (clinicId: string) => revalidatePath(`/clinics/${clinicId}/members`);

export const inviteMemberAction = clinicAction({ schema: inviteSchema }, async (ctx, input): Promise<FormState> => {
  await createInvite(ctx, input);
  refresh(ctx.clinic.id);
  return { ok: true, message: `Invite for ${input.email} is on its way. The link works once, for 72 hours.` };
});

export const changeRoleAction = clinicAction({ schema: changeRoleSchema }, async (ctx, input): Promise<FormState> => {
  await changeRole(ctx, input.membershipId, input.role);
  refresh(ctx.clinic.id);
  return { ok: true, message: "Role updated." };
});

export const removeMemberAction = clinicAction(
  { schema: removeMemberSchema },
  async (ctx, input): Promise<FormState> => {
    await removeMember(ctx, input.membershipId);
    refresh(ctx.clinic.id);
    return { ok: true, message: "Member removed." };
  },
);

export const revokeInviteAction = clinicAction(
  { schema: revokeInviteSchema },
  async (ctx, input): Promise<FormState> => {
    await revokeInvite(ctx, input.inviteId);
    refresh(ctx.clinic.id);
    return { ok: true, message: "Invite withdrawn." };
  },
);
