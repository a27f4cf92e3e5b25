import { z } from "zod";
import { contactSchema, NOTES_MAX, TITLE_MAX } from "@/lib/handouts/schemas";
import { idSchema } from "@/lib/ids";

const text = (max: number) => z.string().max(max).catch("").default("");

/**
 * A builder draft as stored and read back: the form exactly as the clinician left it, invalid values
 * included (they are still typing), so it is checked only for shape and size. Generate validates for real.
 */
export const draftStateSchema = z.object({
  guideVersionId: idSchema,
  title: text(TITLE_MAX * 2),
  // Every section of the picker in its order, ticked or not, so the picker comes back as it was.
  order: z
    .array(z.object({ key: z.string().min(1).max(120), picked: z.boolean() }))
    .max(100)
    .catch([])
    .default([]),
  notes: text(NOTES_MAX * 2),
  preparedFor: text(60),
  followUpDate: text(20),
  largePrint: z.boolean().catch(false).default(false),
  patientLink: z.boolean().optional().catch(undefined),
  contact: z
    .partialRecord(z.enum(Object.keys(contactSchema.shape) as [keyof typeof contactSchema.shape]), z.string().max(600))
    .catch({})
    .default({}),
  templateId: idSchema.optional().catch(undefined),
  sourceHandoutId: idSchema.optional().catch(undefined),
  // The patient opened from the EHR (lib/ehr/launches.ts): Generate files the handout to their chart.
  ehrLaunchId: idSchema.optional().catch(undefined),
});

export type DraftState = z.infer<typeof draftStateSchema>;

/** The builder's FormData (its hidden "order" inputs included) to the state a draft keeps. */
export function draftStateFromFormData(formData: FormData): unknown {
  const text = (name: string) => (typeof formData.get(name) === "string" ? (formData.get(name) as string) : undefined);
  const picked = new Set(formData.getAll("sectionKeys"));
  return {
    guideVersionId: text("guideVersionId"),
    title: text("title"),
    order: formData
      .getAll("order")
      .filter((k): k is string => typeof k === "string")
      .map((key) => ({ key, picked: picked.has(key) })),
    notes: text("notes")?.replace(/\r\n/g, "\n"),
    preparedFor: text("preparedFor"),
    followUpDate: text("followUpDate"),
    largePrint: text("largePrint") === "on" || text("largePrint") === "true",
    patientLink: formData.has("patientLinkChoice") ? text("patientLink") === "on" : undefined,
    contact: Object.fromEntries(
      Object.keys(contactSchema.shape).flatMap((k) => (text(k) === undefined ? [] : [[k, text(k)]])),
    ),
    templateId: text("templateId") || undefined,
    sourceHandoutId: text("sourceHandoutId") || undefined,
    ehrLaunchId: text("ehrLaunchId") || undefined,
  };
}

export const DRAFT_DAYS = 7;
