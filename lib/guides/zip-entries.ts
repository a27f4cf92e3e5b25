import path from "node:path";
import { unzipSync, type UnzipFileInfo } from "fflate";

// Reading an uploaded .zip (a guide's Markdown and its pictures) without trusting it: its size, entry count
// and every entry's path are checked from the central directory before anything is inflated, and an entry
// is inflated into a buffer of its declared size, so a lying header cannot make it bigger. Nothing is ever
// written to disk, so a symbolic link inside is only a small file whose text is a path.

export const ZIP_MAX_BYTES = 20 * 1024 * 1024;
export const ZIP_MAX_FILES = 200;
// Unpacked: the Markdown's 1 MB and pictures of at most 5 MB each, well within 200 × 5 MB in practice.
export const ZIP_MAX_UNPACKED = 100 * 1024 * 1024;

export type ZipRefusal = { file: string | null; message: string };

const unsafe = (name: string) => name.includes("\\") || name.includes("\0") || path.posix.isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.split("/").includes("..");

/** The zip's file entries (folders left out) and their declared sizes, or why it is refused. */
export function listZip(bytes: Uint8Array, zipName: string): { entries: UnzipFileInfo[] } | { refusal: ZipRefusal } {
  if (bytes.byteLength > ZIP_MAX_BYTES) return { refusal: { file: zipName, message: `"${zipName}" is larger than 20 MB.` } };
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push(f);
        return false;
      },
    });
  } catch {
    return { refusal: { file: zipName, message: `"${zipName}" could not be read as a zip file. It may be damaged: make it again and try once more.` } };
  }
  if (entries.length > ZIP_MAX_FILES) return { refusal: { file: zipName, message: `"${zipName}" holds ${entries.length} files; a guide's zip can hold at most ${ZIP_MAX_FILES}.` } };
  const outside = entries.find((e) => unsafe(e.name));
  if (outside) return { refusal: { file: outside.name, message: `"${outside.name}" points outside the zip (an absolute path or ".."), so the zip was refused.` } };
  const files = entries.filter((e) => !e.name.endsWith("/"));
  const unpacked = files.reduce((sum, e) => sum + e.originalSize, 0);
  if (unpacked > ZIP_MAX_UNPACKED) return { refusal: { file: zipName, message: `"${zipName}" would unpack to ${Math.round(unpacked / (1024 * 1024))} MB; at most 100 MB is accepted.` } };
  return { entries: files };
}

/** Inflates the named entries (already listed and checked by listZip). */
export function readZipEntries(bytes: Uint8Array, names: Set<string>): Record<string, Uint8Array> {
  return unzipSync(bytes, { filter: (f) => names.has(f.name) });
}
