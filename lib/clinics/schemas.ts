import { z } from "zod";
import { emailSchema } from "@/lib/accounts/schemas";
import { idSchema } from "@/lib/ids";
import { HEX_COLOR } from "@/lib/colors";
import { optionalEmailSchema, optionalText, phoneSchema, websiteSchema } from "@/lib/contact-rules";
import { HANDOUT_LANGUAGES } from "@/lib/i18n/messages";

export const roleSchema = z.enum(["OWNER", "ADMIN", "CLINICIAN"], { message: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: idSchema });
export const revokeInviteSchema = z.object({ inviteId: idSchema });

// A logo's upload limits: checked by the server, and by the settings form before it sends the file.
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_SIDE = 4000;

export const ROLE_LABELS = { OWNER: "Owner", ADMIN: "Admin", CLINICIAN: "Clinician" } as const;

const hex = z
  .string()
  .trim()
  .regex(HEX_COLOR, "Use a colour like #1d4e89.")
  .transform((v) => v.toLowerCase());

export const brandingSchema = z.object({
  name: z.string().trim().min(1, "Enter the clinic name.").max(120, "Use at most 120 characters."),
  primaryColor: hex,
  accentColor: hex,
  phone: phoneSchema(),
  email: optionalEmailSchema,
  address: optionalText(300, "the address"),
  website: websiteSchema,
  hours: optionalText(200, "the hours"),
  pageSize: z.enum(["LETTER", "A4"], { message: "Choose a page size." }),
  notesPosition: z.enum(["TOP", "END"], { message: "Choose where notes go." }),
  extraDisclaimer: optionalText(500, "the disclaimer line"),
  linksByDefault: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  linkDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Use whole days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days."),
  // Optional so callers that predate it keep the clinic's current cycle.
  reviewMonths: z.coerce
    .number({ message: "Enter a number of months." })
    .int("Use whole months.")
    .min(1, "At least 1 month.")
    .max(120, "At most 120 months.")
    .optional(),
  // Used when the guide has a variant in that language and level (lib/guides/library/versions.ts pickVariant).
  // Optional so a caller that does not show them leaves them as they are.
  defaultLanguage: z.enum(HANDOUT_LANGUAGES, { message: "Choose a language." }).optional(),
  defaultLevel: z.enum(["plain", "standard"], { message: "Choose a reading level." }).optional(),
});

export type BrandingInput = z.infer<typeof brandingSchema>;
