// The checks of an uploaded picture that need only its bytes (no decoding): run on the request thread for a
// single upload (image-upload.ts) and in the parse threads for every picture in a guide's zip, where a
// bad picture must be refused before the next one is even inflated. Decoding and re-encoding (sharp) come
// after, in image-upload.ts.
import { detectImageKind, type ImageKind } from "./image-kind";

export type DeclaredFile = { name?: string; type?: string };

function claimedKind({ name, type }: DeclaredFile): ImageKind | "other" | null {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const fromExt = ext
    ? (({ png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp" } as Record<string, ImageKind>)[ext] ?? "other")
    : null;
  const fromType =
    type && type !== "application/octet-stream"
      ? (({ "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as Record<string, ImageKind>)[type] ??
        "other")
      : null;
  if (fromExt && fromType && fromExt !== fromType) return fromExt === "other" ? fromType : fromExt;
  return fromExt ?? fromType;
}

// Markup that makes an image file also an HTML, SVG or script file for whoever sniffs it (a polyglot).
const MARKUP = /<(?:script|html|svg|body|iframe|object|embed|\?php|\?xml)[\s>/]/i;

/**
 * Bytes after the image's own end (PNG's IEND chunk, JPEG's last EOI marker, WebP's RIFF length): where a
 * second file hides in a polyglot. A file with no end at all is cut short, which `isCutShort` reports.
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

/**
 * A file that cannot be a whole image of its kind: a PNG whose first chunk is not a well-formed IHDR or that
 * never reaches IEND, a JPEG with no end marker, a WebP shorter than its RIFF header says. Decoding would
 * fail on it too, but only after the work of reading it.
 */
function isCutShort(bytes: Buffer, kind: ImageKind): boolean {
  if (kind === "png") {
    if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString("latin1", 12, 16) !== "IHDR") return true;
    if (bytes.readUInt32BE(16) === 0 || bytes.readUInt32BE(20) === 0) return true;
    return bytes.lastIndexOf(Buffer.from("IEND")) < 0;
  }
  if (kind === "webp") return bytes.length < 12 || bytes.length < bytes.readUInt32LE(4) + 8;
  return bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0;
}

// Says what the file really is where that is clear: an SVG drawing, or text (a document renamed ".png").
function notAnImage(bytes: Buffer, claimed: ImageKind | "other" | null): string {
  const head = bytes.subarray(0, 4096).toString("latin1");
  if (/<svg[\s>]/i.test(head)) return "SVG drawings are not accepted: save it as a PNG or JPEG picture and try again.";
  const text = !/[\x00-\x08\x0e-\x1f]/.test(head);
  if (claimed && claimed !== "other") {
    return `This file is named or labelled as a ${claimed.toUpperCase()} picture, but it is not one${text ? " (it holds text)" : ""}. Choose the picture itself (PNG, JPEG or WebP) and try again.`;
  }
  return `Use a PNG, JPEG or WebP picture${text ? "; this file holds text" : ""}.`;
}

export type ByteRules = { maxBytes: number; noun: string };

/** The picture's kind, or what is wrong with it in a sentence for its uploader. */
export function checkImageBytes(
  bytes: Buffer,
  declared: DeclaredFile,
  rules: ByteRules,
): { kind: ImageKind } | { problem: string } {
  if (bytes.length === 0) return { problem: "Choose an image file." };
  if (bytes.length > rules.maxBytes)
    return {
      problem: `${rules.noun} is larger than ${Math.round(rules.maxBytes / (1024 * 1024))} MB. Save a smaller version and try again.`,
    };
  const kind = detectImageKind(bytes);
  const claimed = claimedKind(declared);
  if (!kind) return { problem: notAnImage(bytes, claimed) };
  // A file whose name or declared type claims another format than its content is refused: it was renamed
  // or crafted, and whoever uploads it should know which file they are really sending.
  if (claimed && claimed !== kind)
    return {
      problem: `This file is named or labelled as ${claimed.toUpperCase()} but contains a ${kind.toUpperCase()} image. Save it with the right type and try again.`,
    };
  // The header first: it costs nothing, and a file that is not a whole image needs no further reading.
  if (isCutShort(bytes, kind))
    return { problem: "The image could not be read. It may be damaged or cut short; try saving it again." };
  if (MARKUP.test(bytes.toString("latin1")) || trailingBytes(bytes, kind)) {
    return {
      problem:
        "The file holds something besides the picture (extra data or web page markup), so it was refused. Open it in an image editor and save it again.",
    };
  }
  return { kind };
}
