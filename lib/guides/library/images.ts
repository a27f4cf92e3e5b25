import "server-only";
import { db, type Tx } from "@/lib/db";
import { checkAndReencode, reencode, type CleanImage } from "@/lib/clinics/image-upload";
import type { ImageKind } from "@/lib/clinics/image-kind";
import { imageIdsIn, type Block } from "@/lib/guides/blocks";
import { GUIDE_IMAGE_MAX_BYTES, GUIDE_IMAGE_MAX_SIDE, GUIDE_IMAGE_WIDTH } from "@/lib/guides/image-limits";

// Pictures in guide sections. Checked and re-encoded by the same rules as the clinic logo
// (lib/clinics/image-upload.ts), with a guide picture's limits (image-limits.ts): photos of exercises need
// more pixels.
const guideRules = (name: string | undefined, field: string) => ({
  maxBytes: GUIDE_IMAGE_MAX_BYTES,
  maxSide: GUIDE_IMAGE_MAX_SIDE,
  outputWidth: GUIDE_IMAGE_WIDTH,
  output: "auto" as const,
  noun: "The picture",
  fileName: name,
  field,
});

/** The picture ready to store, or an AppError naming the file; nothing is stored here. */
export function processGuideImage(
  bytes: Buffer,
  declared: { name?: string; type?: string },
  field = "image",
): Promise<CleanImage> {
  return checkAndReencode(bytes, declared, guideRules(declared.name, field));
}

/** The same for a picture whose bytes were already checked (a zip's, in the parse threads: import/zip-check.ts). */
export function reencodeGuideImage(bytes: Buffer, kind: ImageKind, name: string, field = "file"): Promise<CleanImage> {
  return reencode(bytes, kind, guideRules(name, field));
}

export type PdfImage = { data: Uint8Array; format: "png" | "jpg"; width: number; height: number };

// The pictures a clinic may see: its own and the shared library's (clinicId null, never a draft's).
const visibleImage = (clinicId: string) => ({ OR: [{ clinicId }, { clinicId: null }] });

/**
 * The bytes of the published pictures these sections show, for the PDF (react-pdf gets bytes, never a URL).
 * Only the clinic's own images and the shared library's, and only published ones (a draft's uploads are not
 * in any version).
 */
export async function findSectionImages(
  clinicId: string,
  sections: { blocks: Block[] }[],
  tx: Tx = db,
): Promise<Record<string, PdfImage>> {
  const ids = [...new Set(sections.flatMap((s) => imageIdsIn(s.blocks)))];
  if (ids.length === 0) return {};
  const rows = await tx.guideImage.findMany({
    where: { id: { in: ids }, draftId: null, ...visibleImage(clinicId) },
    select: { id: true, format: true, width: true, height: true, data: true },
  });
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { data: new Uint8Array(r.data), format: r.format === "png" ? "png" : "jpg", width: r.width, height: r.height },
    ]),
  );
}

/**
 * One picture for a portal page: the clinic's own or the shared library's, and a draft's only for the
 * clinic's managers (the caller decides).
 */
export async function findGuideImage(clinicId: string, imageId: string, opts: { includeDrafts: boolean }) {
  return db.guideImage.findFirst({
    where: {
      id: imageId,
      OR: [
        { clinicId, ...(opts.includeDrafts ? {} : { draftId: null }) },
        { clinicId: null, draftId: null },
      ],
    },
    select: { data: true, format: true, sha256: true },
  });
}
