import { z } from "zod";
import { contactSchema, NOTES_MAX } from "@/lib/handouts/schemas";
import { idSchema } from "@/lib/ids";

export const templateNameSchema = z
  .string()
  .trim()
  .min(1, "Give the template a name.")
  .max(80, "Use at most 80 characters.");

const notes = z
  .string()
  .max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`)
  .default("");
const sectionKeys = z.array(z.string().min(1).max(120)).min(1, "Choose at least one section.").max(100);

/**
 * What a template keeps: everything the builder has that is not about the patient (no "prepared for", no
 * follow-up date). The contact block as the form had it; only the fields that differ from the defaults are
 * stored (lib/templates/contact-overrides.ts).
 */
const templateContent = {
  templateName: templateNameSchema,
  guideVersionId: idSchema,
  sectionKeys,
  notes,
  largePrint: z.boolean().default(false),
  // Left out by a form that does not show the box: the clinic's default then applies.
  patientLink: z.boolean().optional(),
  contact: contactSchema.optional(),
};

export const createTemplateSchema = z.object(templateContent);
export const updateTemplateSchema = z.object({ templateId: idSchema, ...templateContent });
export const deleteTemplateSchema = z.object({ templateId: idSchema });

export type TemplateInput = z.infer<typeof createTemplateSchema>;

// Stored overrides, read on use: any subset of the contact fields, each a string.
export const contactOverridesSchema = z
  .partialRecord(z.enum(Object.keys(contactSchema.shape) as [keyof typeof contactSchema.shape]), z.string())
  .catch({});
export type ContactOverrides = z.infer<typeof contactOverridesSchema>;

/** The fields of `contact` that differ from `defaults`. */
export function contactOverrides(contact: Record<string, string>, defaults: Record<string, string>): ContactOverrides {
  return Object.fromEntries(
    Object.entries(contact).filter(([k, v]) => k in contactSchema.shape && (defaults[k] ?? "") !== v),
  ) as ContactOverrides;
}
