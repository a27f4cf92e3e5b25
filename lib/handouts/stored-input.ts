import "server-only";
import { AppError } from "@/lib/errors";
import { findLogoVersion } from "@/lib/clinics/branding";
import { findSectionImages } from "@/lib/guides/library/images";
import { findStoredHandout } from "@/lib/handouts/stored-handout";
import { printedFromStored } from "@/lib/handouts/printed/from-stored";
import { linkToken, linkUrl } from "@/lib/handouts/link-tokens";
import type { HandoutPdfInput } from "@/lib/handouts/printed/model";

/**
 * The input a stored handout was rendered from, read back from what it stored: its printed model (its guide
 * version, immutable; its choices and snapshots; its link, made again from the seed; its creation time,
 * which is also the PDF's) and the bytes it drew: the logo it printed (kept by content in LogoVersion) and
 * its pictures. Rendering it again gives the stored bytes (tests/integration/rerender.test.ts), so old PDF
 * bytes can move out of the database and be made again on demand.
 */
export async function storedPdfInput(clinicId: string, handoutId: string): Promise<HandoutPdfInput> {
  const stored = await findStoredHandout(clinicId, handoutId);
  if (!stored) throw new AppError("NOT_FOUND", "Not found.");
  const printed = printedFromStored(stored.row, stored.version, {
    pictures: stored.pictures,
    link: stored.linkSeed ? { url: linkUrl(linkToken(stored.linkSeed)) } : null,
  });
  const { logoSha256 } = printed.branding;
  const [logo, images] = await Promise.all([
    logoSha256 ? findLogoVersion(clinicId, logoSha256) : null,
    findSectionImages(clinicId, printed.sections),
  ]);
  if (logoSha256 && !logo) throw new Error(`the logo handout ${handoutId} printed is no longer stored`);
  return { ...printed, logoPng: logo && new Uint8Array(logo), images };
}
