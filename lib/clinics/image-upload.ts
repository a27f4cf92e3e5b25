import "server-only";
import crypto from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { detectImageKind, type ImageKind } from "@/lib/clinics/image-kind";
import { AppError } from "@/lib/errors";

// The one set of rules for a picture someone uploads (the clinic logo, a guide's pictures): the format is
// read from the bytes, the name and declared type must agree with it, the size and pixel count are capped
// before anything is decoded, and the result is re-encoded by sharp with no metadata, so nothing hidden in
// the upload (EXIF, GPS, a polyglot's second file) is ever kept or served.

export type UploadRules = {
  maxBytes: number;
  maxSide: number;
  outputWidth: number;
  /** png: always PNG (logos); auto: JPEG for opaque photos, PNG for anything with transparency or a PNG. */
  output: "png" | "auto";
  /** What the upload is called in messages ("The logo", "The picture"), and its file name when it has one. */
  noun: string;
  fileName?: string;
  /** The form field the messages belong to. */
  field: string;
};

export type CleanImage = { data: Buffer; format: "png" | "jpeg"; width: number; height: number; sha256: string };

function claimedKind({ name, type }: { name?: string; type?: string }): ImageKind | "other" | null {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const fromExt = ext ? ({ png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp" } as Record<string, ImageKind>)[ext] ?? "other" : null;
  const fromType = type && type !== "application/octet-stream" ? ({ "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as Record<string, ImageKind>)[type] ?? "other" : null;
  if (fromExt && fromType && fromExt !== fromType) return fromExt === "other" ? fromType : fromExt;
  return fromExt ?? fromType;
}

// Markup that makes an image file also an HTML, SVG or script file for whoever sniffs it (a polyglot).
const MARKUP = /<(?:script|html|svg|body|iframe|object|embed|\?php|\?xml)[\s>/]/i;

/**
 * Bytes after the image's own end (PNG's IEND chunk, JPEG's last EOI marker, WebP's RIFF length): where a
 * second file hides in a polyglot. A file with no end at all is cut short, which decoding reports.
 */
function trailingBytes(bytes: Buffer, kind: ImageKind): boolean {
  if (kind === "png") {
    const iend = bytes.lastIndexOf(Buffer.from("IEND"));
    return iend >= 0 && bytes.length > iend + 8;
  }
  if (kind === "webp") return bytes.length >= 12 && bytes.length > bytes.readUInt32LE(4) + 8;
  const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
  return eoi >= 0 && bytes.subarray(eoi + 2).some((b) => b !== 0);
}

export async function checkAndReencode(bytes: Buffer, declared: { name?: string; type?: string }, rules: UploadRules): Promise<CleanImage> {
  // A message names the file, so an author uploading several (or a zip) knows which one to fix.
  const refuse = (text: string) => {
    const message = rules.fileName ? `"${rules.fileName}": ${text}` : text;
    return new AppError("BAD_REQUEST", message, { [rules.field]: [message] });
  };
  const mb = Math.round(rules.maxBytes / (1024 * 1024));
  if (bytes.length === 0) throw refuse("Choose an image file.");
  if (bytes.length > rules.maxBytes) throw refuse(`${rules.noun} is larger than ${mb} MB. Save a smaller version and try again.`);
  const kind = detectImageKind(bytes);
  if (!kind) throw refuse(`Use a PNG, JPEG or WebP image. Other formats, such as SVG, are not accepted.`);
  // A file whose name or declared type claims another format than its content is refused: it was renamed
  // or crafted, and whoever uploads it should know which file they are really sending.
  const claimed = claimedKind(declared);
  if (claimed && claimed !== kind) throw refuse(`This file is named or labelled as ${claimed.toUpperCase()} but contains a ${kind.toUpperCase()} image. Save it with the right type and try again.`);
  if (MARKUP.test(bytes.toString("latin1")) || trailingBytes(bytes, kind)) {
    throw refuse(`The file holds something besides the picture (extra data or web page markup), so it was refused. Open it in an image editor and save it again.`);
  }
  const limits = { limitInputPixels: rules.maxSide * rules.maxSide, failOn: "truncated" as const };
  let meta: Metadata;
  try {
    // limitInputPixels refuses decompression bombs before any pixel is decoded.
    meta = await sharp(bytes, limits).metadata();
  } catch {
    throw refuse(`The image could not be read. It may be damaged or too large; try saving it again.`);
  }
  if (meta.format !== kind) throw refuse(`The file's content does not match an image format we accept.`);
  if (!meta.width || !meta.height || meta.width > rules.maxSide || meta.height > rules.maxSide) {
    throw refuse(`${rules.noun} must be at most ${rules.maxSide}×${rules.maxSide} pixels.`);
  }
  const format = rules.output === "png" || kind === "png" || meta.hasAlpha ? "png" : "jpeg";
  try {
    const pipeline = sharp(bytes, limits).rotate().resize({ width: rules.outputWidth, withoutEnlargement: true });
    const { data, info } = await (format === "png" ? pipeline.png() : pipeline.jpeg({ quality: 85 })).toBuffer({ resolveWithObject: true });
    return { data, format, width: info.width, height: info.height, sha256: crypto.createHash("sha256").update(data).digest("hex") };
  } catch {
    throw refuse(`The image could not be read. It may be damaged or cut short; try saving it again.`);
  }
}
