import "server-only";
import { AppError } from "@/lib/errors";
import { importGuide, type ImportResult } from "@/lib/guides/import/store";
import { reencodeGuideImage } from "@/lib/guides/library/images";
import { renameImages } from "@/lib/guides/blocks";
import { runInParseThread, type ThreadCall } from "@/lib/guides/import/parse-pool";
import { slugify, type ParsedGuide } from "@/lib/guides/import/parse-markdown";
import { ZIP_MAX_BYTES } from "@/lib/guides/import/zip-entries";
import type { ZipCheck } from "@/lib/guides/import/zip-check";
import type { CleanImage } from "@/lib/clinics/image-upload";
import type { Prisma } from "@/lib/generated/prisma/client";

// A guide .zip, read and stored: the one path behind the Library's "Import the zip" (zip-import.ts) and
// `npm run guides:import` (lib/cli/guides-import.ts).

const refuse = (message: string) => new AppError("BAD_REQUEST", message, { file: [message] });

export type ReadZip = { guide: ParsedGuide; warnings: string[]; images: ({ id: string } & CleanImage)[] };

/**
 * The zip read, its text parsed and every picture it uses inflated and checked by its bytes in a parse thread
 * (zip-check.ts: time and memory limits, the caller's turn), then each picture decoded and re-encoded (sharp,
 * off this thread too). Nothing is stored; a refusal names the file.
 */
export async function readGuideZip(bytes: Uint8Array, zipName: string, call: ThreadCall = {}): Promise<ReadZip> {
  // Refused before it is copied to a thread.
  if (bytes.byteLength > ZIP_MAX_BYTES) throw refuse(`"${zipName}" is larger than 20 MB.`);
  const checked = await runInParseThread<ZipCheck>({ zip: bytes, zipName }, call, `Reading "${zipName}"`);
  if (!checked.ok) throw refuse(checked.message);
  const images: ReadZip["images"] = [];
  for (const p of checked.pictures) {
    const picture = Buffer.from(checked.bytes.buffer, checked.bytes.byteOffset + p.offset, p.length);
    images.push({ id: p.id, ...(await reencodeGuideImage(picture, p.kind, p.name)) });
  }
  return { guide: checked.guide, warnings: checked.warnings, images };
}

export type ZipImportResult = ImportResult & { title: string; stored: number; reused: number };

/**
 * Stores a read zip, in the caller's transaction, as the next version of the guide with its title in the
 * library `clinicId` names (null: the shared library, whose pictures every clinic sees), with its pictures. A picture with the same bytes (SHA-256, as re-encoded) as one
 * the guide already has is that picture: the text names the stored one, so a section whose text and picture
 * did not change is not "changed in this version" and no second copy is kept (two equal pictures in one zip
 * are one as well). Pictures are stored only with a new version.
 */
export async function storeGuideZip(
  tx: Prisma.TransactionClient,
  read: ReadZip,
  target: { clinicId: string | null; importedBy: string | null },
): Promise<ZipImportResult> {
  const { clinicId } = target;
  const held = await tx.guideImage.findMany({
    where: {
      clinicId,
      draftId: null,
      guide: { clinicId, key: slugify(read.guide.title) },
      sha256: { in: read.images.map((i) => i.sha256) },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, sha256: true },
  });
  const bySha = new Map<string, string>();
  for (const image of held) if (!bySha.has(image.sha256)) bySha.set(image.sha256, image.id);
  const renamed = new Map<string, string>();
  const fresh: ReadZip["images"] = [];
  for (const image of read.images) {
    const same = bySha.get(image.sha256);
    if (same) renamed.set(image.id, same);
    else {
      bySha.set(image.sha256, image.id);
      fresh.push(image);
    }
  }
  const guide = {
    ...read.guide,
    sections: read.guide.sections.map((s) => ({ ...s, blocks: renameImages(s.blocks, renamed) })),
  };
  const result = await importGuide(tx, guide, { clinicId, importedBy: target.importedBy });
  if (!result.unchanged && fresh.length > 0) {
    await tx.guideImage.createMany({
      data: fresh.map((i) => ({
        id: i.id,
        clinicId,
        guideId: result.guideId,
        format: i.format,
        width: i.width,
        height: i.height,
        sha256: i.sha256,
        data: new Uint8Array(i.data),
      })),
    });
  }
  return {
    ...result,
    title: guide.title,
    stored: result.unchanged ? 0 : fresh.length,
    reused: read.images.length - fresh.length,
  };
}
