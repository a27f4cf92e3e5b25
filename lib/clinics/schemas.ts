import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";

export const roleSchema = z.enum(["OWNER", "ADMIN", "CLINICIAN"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ membershipId: z.string().min(1).max(40), role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: z.string().min(1).max(40) });

export const ROLE_LABELS = { OWNER: "Owner", ADMIN: "Admin", CLINICIAN: "Clinician" } as const;
