import { z } from "zod";
import { NOTES_MAX } from "@/lib/handouts/schemas";

export const templateNameSchema = z.string().trim().min(1, "Give the template a name.").max(80, "Use at most 80 characters.");

export const createTemplateSchema = z.object({
  templateName: templateNameSchema,
  guideVersionId: z.string().min(1).max(40),
  sectionKeys: z.array(z.string().min(1).max(120)).min(1, "Choose at least one section.").max(100),
  notes: z.string().max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`).default(""),
  largePrint: z.boolean().default(false),
});

export const updateTemplateSchema = z.object({
  templateName: templateNameSchema,
  notes: z.string().max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`).default(""),
  largePrint: z.boolean().default(false),
});
