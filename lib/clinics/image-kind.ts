// What an image is, from its first bytes: the logo upload checks it (logo.ts) and the PDF renderer, which
// runs in worker threads where server-only modules cannot load, picks the image format by it.
export type ImageKind = "png" | "jpeg" | "webp";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function hasAt(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

export function detectImageKind(bytes: Uint8Array): ImageKind | null {
  if (hasAt(bytes, PNG)) return "png";
  if (hasAt(bytes, JPEG)) return "jpeg";
  if (hasAt(bytes, ascii("RIFF")) && hasAt(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}
