"use server";

import { revalidatePath } from "next/cache";
import { requireMember, MANAGERS } from "@/lib/authz";
import { changeRoleSchema, inviteSchema, removeMemberSchema } from "@/lib/clinics/schemas";
import { createInvite, revokeInvite } from "@/lib/clinics/invites";
import { changeRole, removeMember } from "@/lib/clinics/mutations";
import { requestInfo } from "@/lib/request-info";
import { fromError, invalid, type FormState } from "@/lib/forms";

// Every action checks the caller again: server actions are public endpoints.
export async function inviteMemberAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = inviteSchema.safeParse({ email: formData.get("email"), role: formData.get("role") });
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    await createInvite(ctx.user.id, clinicId, parsed.data, await requestInfo());
  } catch (err) {
    return fromError(err, formData);
  }
  revalidatePath(`/clinics/${clinicId}/members`);
  return { ok: true, message: `Invite sent to ${parsed.data.email}. The link works once, for 72 hours.` };
}

export async function changeRoleAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = changeRoleSchema.safeParse({ membershipId: formData.get("membershipId"), role: formData.get("role") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeRole(ctx.user.id, clinicId, parsed.data.membershipId, parsed.data.role, await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/clinics/${clinicId}/members`);
  return { ok: true, message: "Role updated." };
}

export async function removeMemberAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  const parsed = removeMemberSchema.safeParse({ membershipId: formData.get("membershipId") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await removeMember(ctx.user.id, clinicId, parsed.data.membershipId, await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/clinics/${clinicId}/members`);
  return { ok: true, message: "Member removed." };
}

export async function revokeInviteAction(clinicId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await requireMember(clinicId, { role: MANAGERS }).catch((e) => e);
  if (ctx instanceof Error) return fromError(ctx);
  try {
    await revokeInvite(ctx.user.id, clinicId, String(formData.get("inviteId") ?? ""), await requestInfo());
  } catch (err) {
    return fromError(err);
  }
  revalidatePath(`/clinics/${clinicId}/members`);
  return { ok: true, message: "Invite withdrawn." };
}
