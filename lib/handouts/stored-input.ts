import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGuideVersion } from "@/lib/guides/versions";
import { getLogoVersion } from "@/lib/clinics/branding";
import { buildPdfInput, completePdfInput } from "@/lib/handouts/build-input";
import { readBranding, readContact, readOptions } from "@/lib/handouts/snapshots";
import { linkToken, linkUrl } from "@/lib/handouts/link-tokens";
import type { HandoutPdfInput } from "@/lib/pdf/types";

/**
 * The input a stored handout was rendered from, read back from what it stored: its guide version (immutable),
 * its choices and snapshots, the logo it printed (kept by content in LogoVersion), its link's seed and its
 * creation time, which is also the PDF's. Rendering it again gives the stored bytes (tests/integration/
 * rerender.test.ts), so old PDF bytes can move out of the database and be made again on demand.
 */
export async function storedPdfInput(clinicId: string, handoutId: string): Promise<HandoutPdfInput> {
  const h = await db.handout.findFirst({
    where: { id: handoutId, clinicId },
    select: { title: true, sectionKeys: true, notes: true, preparedFor: true, followUpDate: true, contact: true, options: true, branding: true, createdAt: true, guideVersionId: true, link: { select: { seed: true } } },
  });
  if (!h) throw new AppError("NOT_FOUND", "Not found.");
  const branding = readBranding(h.branding);
  const options = readOptions(h.options);
  const [version, logo] = await Promise.all([getGuideVersion(clinicId, h.guideVersionId), branding.logoSha256 ? getLogoVersion(clinicId, branding.logoSha256) : null]);
  if (branding.logoSha256 && !logo) throw new Error(`the logo handout ${handoutId} printed is no longer stored`);
  const choices = {
    title: h.title,
    sectionKeys: h.sectionKeys,
    notes: h.notes,
    preparedFor: h.preparedFor ?? "",
    followUpDate: h.followUpDate ? h.followUpDate.toISOString().slice(0, 10) : "",
    largePrint: options.largePrint,
    contact: readContact(h.contact),
  };
  const built = buildPdfInput(choices, { ...version, language: options.language }, { ...branding, notesPosition: options.notesPosition, pageSize: options.pageSize }, logo && new Uint8Array(logo), h.createdAt, options.layout);
  return completePdfInput(clinicId, built, h.link && { url: linkUrl(linkToken(h.link.seed)) });
}
