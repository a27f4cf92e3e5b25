import "server-only";
import { selectSections } from "@/lib/pdf/select-sections";
import { findSectionImages } from "@/lib/guides/images";
import { isWarningSection } from "@/lib/guides/red-flags";
import { CURRENT_LAYOUT, type HandoutPdfInput, type Layout } from "@/lib/pdf/types";
import type { HandoutDraft } from "@/lib/handouts/schemas";
import type { getClinicBranding } from "@/lib/clinics/branding";
import type { getGuideVersion } from "@/lib/guides/versions";
import type { BrandingSnapshot } from "@/lib/handouts/snapshots";

type Version = Awaited<ReturnType<typeof getGuideVersion>>;
type Clinic = Awaited<ReturnType<typeof getClinicBranding>>;

export function brandingSnapshot(clinic: Clinic, logo: { sha256: string } | null = null): BrandingSnapshot {
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

/** What a handout prints of the builder's form: a draft, or a stored handout read back (lib/handouts/stored-input.ts). */
export type PrintedChoices = Pick<HandoutDraft, "title" | "sectionKeys" | "notes" | "preparedFor" | "followUpDate" | "largePrint" | "contact">;

/**
 * The PDF input for a draft: the chosen sections in order plus every required one, and the branding, in
 * `layout` (a new handout's is the current one; a stored handout's the one it was printed with).
 */
export function buildPdfInput(draft: PrintedChoices, version: Version, branding: BrandingSnapshot, logoPng: Uint8Array | null, createdAt: Date, layout: Layout = CURRENT_LAYOUT): HandoutPdfInput & { layout: Layout } {
  const sections = selectSections(version.sections, draft.sectionKeys);
  return {
    layout,
    title: draft.title,
    guideTitle: version.title,
    language: version.language,
    createdAt: createdAt.toISOString(),
    preparedFor: draft.preparedFor || null,
    followUpDate: draft.followUpDate || null,
    notes: draft.notes,
    notesPosition: branding.notesPosition,
    largePrint: draft.largePrint,
    pageSize: branding.pageSize,
    branding: {
      clinicName: branding.clinicName,
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      logoPng,
      extraDisclaimer: branding.extraDisclaimer,
    },
    contact: draft.contact,
    sections: sections.map((s) => ({ key: s.key, title: s.title, kind: s.kind, blocks: s.blocks, citedRefKeys: s.citedRefKeys, keyPoint: s.keyPoint, warning: isWarningSection(s) })),
    references: version.references,
  };
}

/** The rest of a PDF's input: the patient link it prints as a QR code and the bytes of its sections' pictures. */
export async function completePdfInput(clinicId: string, built: HandoutPdfInput, link: { url: string } | null): Promise<HandoutPdfInput> {
  return { ...built, link, images: await findSectionImages(clinicId, built.sections) };
}
