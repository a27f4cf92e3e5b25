import "server-only";
import crypto from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { checkImageBytes, type DeclaredFile } from "@/lib/clinics/image-bytes";
import type { ImageKind } from "@/lib/clinics/image-kind";
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

export async function checkAndReencode(bytes: Buffer, declared: DeclaredFile, rules: UploadRules): Promise<CleanImage> {
  const checked = checkImageBytes(bytes, declared, rules);
  if ("problem" in checked) throw refusal(rules, checked.problem);
  return reencode(bytes, checked.kind, rules);
}

// A message names the file, so an author uploading several (or a zip) knows which one to fix.
function refusal(rules: UploadRules, text: string) {
  const message = rules.fileName ? `"${rules.fileName}": ${text}` : text;
  return new AppError("BAD_REQUEST", message, { [rules.field]: [message] });
}

/** Decodes (pixel caps first) and re-encodes a picture whose bytes already passed checkImageBytes. */
export async function reencode(bytes: Buffer, kind: ImageKind, rules: UploadRules): Promise<CleanImage> {
  const refuse = (text: string) => refusal(rules, text);
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
    const { data, info } = await (format === "png" ? pipeline.png() : pipeline.jpeg({ quality: 85 })).toBuffer({
      resolveWithObject: true,
    });
    return {
      data,
      format,
      width: info.width,
      height: info.height,
      sha256: crypto.createHash("sha256").update(data).digest("hex"),
    };
  } catch {
    throw refuse(`The image could not be read. It may be damaged or cut short; try saving it again.`);
  }
}
