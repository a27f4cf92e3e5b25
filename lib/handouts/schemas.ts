// The builder's form, validated the same way in the browser and in the server action.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { cursorParam } from "@/lib/cursor-param";
import { optionalEmailSchema, optionalText, phoneSchema, websiteSchema } from "@/lib/contact-rules";

export const NOTES_MAX = 4000;
export const TITLE_MAX = 160;

export const contactSchema = z.object({
  clinicName: z.string().trim().min(1, "Enter the clinic name.").max(120, "Keep the clinic name under 120 characters."),
  phone: phoneSchema(),
  email: optionalEmailSchema,
  address: optionalText(300, "the address"),
  website: websiteSchema,
  hours: optionalText(200, "the hours"),
  clinicianName: optionalText(120, "the name"),
  credentials: optionalText(60, "the credentials"),
  directPhone: phoneSchema("the direct line"),
});

export type ContactBlock = z.infer<typeof contactSchema>;

// A first name or initials only: the handout needs no more patient data than that.
const preparedFor = z
  .string()
  .trim()
  .max(30, "Use a first name or initials only (30 characters at most).")
  .refine((v) => v === "" || /^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(v), "Use letters only: a first name or initials.")
  .refine((v) => v.split(/\s+/).filter(Boolean).length <= 2, "Use a first name or initials only, not a full name.")
  .default("");

const isoDate = z
  .string()
  .trim()
  .default("")
  .refine(
    (v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
    "Enter a date like 2026-12-31.",
  );

export const handoutDraftSchema = z.object({
  guideVersionId: idSchema,
  title: z
    .string()
    .trim()
    .min(1, "Enter a title for the handout.")
    .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  sectionKeys: z.array(z.string().min(1).max(120)).max(100).min(1, "Choose at least one section."),
  notes: z
    .string()
    .max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`)
    .default(""),
  preparedFor,
  followUpDate: isoDate,
  largePrint: z.boolean().default(false),
  contact: contactSchema,
  sourceHandoutId: idSchema.optional(),
  templateId: idSchema.optional(),
  // The patient opened from the EHR: Generate queues the handout for their chart (lib/ehr).
  ehrLaunchId: idSchema.optional(),
  // A patient link (QR code on the PDF, /h/<token>): the clinic's default when not said.
  patientLink: z.boolean().optional(),
  // The draft this form was saved as: deleted when the handout is generated.
  draftId: idSchema.optional(),
  // One per "Make and email" form: a repeat of the same submission finds the handout the first one made.
  requestKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});

export type HandoutDraft = z.infer<typeof handoutDraftSchema>;

/** Reads the builder's FormData (flat field names, section keys in order) into the draft shape. */
export function draftFromFormData(formData: FormData): unknown {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : undefined;
  };
  return {
    guideVersionId: text("guideVersionId"),
    title: text("title"),
    sectionKeys: formData.getAll("sectionKeys").filter((v): v is string => typeof v === "string"),
    notes: (text("notes") ?? "").replace(/\r\n/g, "\n"),
    preparedFor: text("preparedFor"),
    followUpDate: text("followUpDate"),
    largePrint: text("largePrint") === "on" || text("largePrint") === "true",
    contact: Object.fromEntries(Object.keys(contactSchema.shape).map((k) => [k, text(k) ?? ""])),
    sourceHandoutId: text("sourceHandoutId") || undefined,
    templateId: text("templateId") || undefined,
    ehrLaunchId: text("ehrLaunchId") || undefined,
    // The builder says it shows the choice ("patientLinkChoice"); an unticked box then means no link.
    patientLink: formData.has("patientLinkChoice") ? text("patientLink") === "on" : undefined,
    draftId: text("draftId") || undefined,
    requestKey: text("requestKey") || undefined,
  };
}

export const handoutListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  author: idSchema.optional().catch(undefined),
  template: idSchema.optional().catch(undefined),
  email: z.enum(["none", "queued", "sent", "failed"]).optional().catch(undefined),
  voided: z.enum(["yes", "no"]).optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  after: cursorParam,
  before: cursorParam,
});
