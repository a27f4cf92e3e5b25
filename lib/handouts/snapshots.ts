// Handouts keep what they were made with (contact block, options, branding) as JSON, read for years after.
// Rows are read through these schemas, with defaults for fields added later, never with a cast: a row
// written by an older version of the portal still reads, and a damaged one fails loudly.
import { z } from "zod";
import type { getClinicBranding } from "@/lib/clinics/branding";

const text = z.string().catch("").default("");

export const contactSnapshotSchema = z.object({
  clinicName: text,
  phone: text,
  email: text,
  address: text,
  website: text,
  hours: text,
  clinicianName: text,
  credentials: text,
  directPhone: text,
});

export const optionsSnapshotSchema = z.object({
  largePrint: z.boolean().default(false),
  notesPosition: z.enum(["TOP", "END"]).default("TOP"),
  pageSize: z.enum(["LETTER", "A4"]).default("LETTER"),
  // The language of the guide variant it was made from: everything printed around the guide follows it.
  language: z.string().catch("en").default("en"),
  // The print layout it was drawn with (lib/pdf/types.ts LAYOUTS): rows from before layouts were numbered are 1.
  layout: z.union([z.literal(1), z.literal(2)]).default(1),
});

export const brandingSnapshotSchema = z.object({
  clinicName: text,
  primaryColor: z.string().default("#1d4e89"),
  accentColor: z.string().default("#e8f0f8"),
  extraDisclaimer: z.string().nullable().default(null),
  pageSize: z.enum(["LETTER", "A4"]).default("LETTER"),
  notesPosition: z.enum(["TOP", "END"]).default("TOP"),
  logoSha256: z.string().nullable().default(null),
});

export type ContactSnapshot = z.infer<typeof contactSnapshotSchema>;
export type OptionsSnapshot = z.infer<typeof optionsSnapshotSchema>;
export type BrandingSnapshot = z.infer<typeof brandingSnapshotSchema>;

export const readContact = (json: unknown): ContactSnapshot => contactSnapshotSchema.parse(json ?? {});
export const readOptions = (json: unknown): OptionsSnapshot => optionsSnapshotSchema.parse(json ?? {});
export const readBranding = (json: unknown): BrandingSnapshot => brandingSnapshotSchema.parse(json ?? {});

/** A new handout's branding snapshot: the clinic's settings as they are now, and the SHA-256 of its logo. */
export function brandingSnapshot(
  clinic: Awaited<ReturnType<typeof getClinicBranding>>,
  logo: { sha256: string } | null = null,
): BrandingSnapshot {
  return {
    clinicName: clinic.name,
    primaryColor: clinic.primaryColor,
    accentColor: clinic.accentColor,
    extraDisclaimer: clinic.extraDisclaimer,
    pageSize: clinic.pageSize,
    notesPosition: clinic.notesPosition,
    logoSha256: logo?.sha256 ?? null,
  };
}
