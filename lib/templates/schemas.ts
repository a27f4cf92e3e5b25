import { z } from "zod";
import { NOTES_MAX } from "@/lib/handouts/schemas";
import { idSchema } from "@/lib/ids";

export const templateNameSchema = z.string().trim().min(1, "Give the template a name.").max(80, "Use at most 80 characters.");

export const createTemplateSchema = z.object({
  templateName: templateNameSchema,
  guideVersionId: idSchema,
  sectionKeys: z.array(z.string().min(1).max(120)).min(1, "Choose at least one section.").max(100),
  notes: z.string().max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`).default(""),
  largePrint: z.boolean().default(false),
});

export const updateTemplateSchema = z.object({
  templateId: idSchema,
  templateName: templateNameSchema,
  notes: z.string().max(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-US")} characters.`).default(""),
  largePrint: z.boolean().default(false),
});

export const deleteTemplateSchema = z.object({ templateId: idSchema });
