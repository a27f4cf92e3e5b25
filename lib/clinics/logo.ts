import "server-only";
import crypto from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { detectImageKind, type ImageKind } from "@/lib/clinics/image-kind";
import { AppError } from "@/lib/errors";

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_SIDE = 4000;
export const LOGO_OUTPUT_WIDTH = 600;

type Kind = ImageKind;

function claimedKind({ name, type }: { name?: string; type?: string }): Kind | "other" | null {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const fromExt = ext ? ({ png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp" } as Record<string, Kind>)[ext] ?? "other" : null;
  const fromType = type && type !== "application/octet-stream" ? ({ "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as Record<string, Kind>)[type] ?? "other" : null;
  if (fromExt && fromType && fromExt !== fromType) return fromExt === "other" ? fromType : fromExt;
  return fromExt ?? fromType;
}

const refuse = (message: string) => new AppError("BAD_REQUEST", message, { logo: [message] });

/**
 * Checks an uploaded logo and re-encodes it: PNG, JPEG or WebP only (by content), at most 2 MB and
 * 4000×4000 px, fully decodable. The output is a fresh PNG at most 600 px wide with no metadata, so
 * anything hidden in the upload (EXIF, trailing data of a polyglot) is not kept.
 */
export async function processLogo(bytes: Buffer, declared: { name?: string; type?: string } = {}): Promise<{ png: Buffer; width: number; height: number; sha256: string }> {
  if (bytes.length === 0) throw refuse("Choose an image file.");
  if (bytes.length > LOGO_MAX_BYTES) throw refuse("The logo is larger than 2 MB. Save a smaller version and try again.");
  const kind = detectImageKind(bytes);
  if (!kind) throw refuse("Use a PNG, JPEG or WebP image. Other formats, such as SVG, are not accepted.");
  // A file whose name or declared type claims another format than its content is refused: it was renamed
  // or crafted, and the clinician should know which file they are really uploading.
  const claimed = claimedKind(declared);
  if (claimed && claimed !== kind) throw refuse(`This file is named or labelled as ${claimed.toUpperCase()} but contains a ${kind.toUpperCase()} image. Save it with the right type and try again.`);
  let meta: Metadata;
  try {
    // limitInputPixels refuses decompression bombs before any pixel is decoded.
    meta = await sharp(bytes, { limitInputPixels: LOGO_MAX_SIDE * LOGO_MAX_SIDE, failOn: "truncated" }).metadata();
  } catch {
    throw refuse("The image could not be read. It may be damaged or too large; try saving it again.");
  }
  if (meta.format !== kind && !(kind === "jpeg" && meta.format === "jpeg")) throw refuse("The file's content does not match an image format we accept.");
  if (!meta.width || !meta.height || meta.width > LOGO_MAX_SIDE || meta.height > LOGO_MAX_SIDE) {
    throw refuse(`The logo must be at most ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} pixels.`);
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: LOGO_MAX_SIDE * LOGO_MAX_SIDE, failOn: "truncated" })
      .rotate()
      .resize({ width: LOGO_OUTPUT_WIDTH, withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, sha256: crypto.createHash("sha256").update(data).digest("hex") };
  } catch {
    throw refuse("The image could not be read. It may be damaged; try saving it again.");
  }
}
