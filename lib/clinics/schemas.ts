import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";
import { HEX_COLOR } from "@/lib/pdf/colors";

export const roleSchema = z.enum(["OWNER", "ADMIN", "CLINICIAN"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ membershipId: z.string().min(1).max(40), role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: z.string().min(1).max(40) });

export const ROLE_LABELS = { OWNER: "Owner", ADMIN: "Admin", CLINICIAN: "Clinician" } as const;

const hex = z
  .string()
  .trim()
  .regex(HEX_COLOR, "Use a colour like #1d4e89.")
  .transform((v) => v.toLowerCase());
const optional = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");

export const brandingSchema = z.object({
  name: z.string().trim().min(1, "Enter the clinic name.").max(120, "Use at most 120 characters."),
  primaryColor: hex,
  accentColor: hex,
  phone: optional(40),
  email: optional(254).refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address."),
  address: optional(300),
  website: optional(200).refine((v) => v === "" || /^https:\/\/\S+$/i.test(v), "Use a full https:// address."),
  hours: optional(200),
  pageSize: z.enum(["LETTER", "A4"], { message: "Choose a page size." }),
  notesPosition: z.enum(["TOP", "END"], { message: "Choose where notes go." }),
  extraDisclaimer: optional(500),
});

export type BrandingInput = z.infer<typeof brandingSchema>;

export const profileSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  credentials: optional(60),
  directPhone: optional(40).refine((v) => v === "" || /^[+()\d][\d\s().+\-/x]*$/i.test(v), "Use digits, spaces and + ( ) - only."),
});
