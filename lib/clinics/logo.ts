import "server-only";
import { checkAndReencode } from "@/lib/clinics/image-upload";
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE } from "@/lib/clinics/schemas";

export const LOGO_OUTPUT_WIDTH = 600;

/**
 * Checks an uploaded logo and re-encodes it (lib/clinics/image-upload.ts): PNG, JPEG or WebP only (by
 * content), at most 2 MB and 4000×4000 px, fully decodable, as a fresh PNG at most 600 px wide.
 */
export async function processLogo(
  bytes: Buffer,
  declared: { name?: string; type?: string } = {},
): Promise<{ png: Buffer; width: number; height: number; sha256: string }> {
  const clean = await checkAndReencode(bytes, declared, {
    maxBytes: LOGO_MAX_BYTES,
    maxSide: LOGO_MAX_SIDE,
    outputWidth: LOGO_OUTPUT_WIDTH,
    output: "png",
    noun: "The logo",
    field: "logo",
  });
  return { png: clean.data, width: clean.width, height: clean.height, sha256: clean.sha256 };
}
