import path from "node:path";
import zlib from "node:zlib";
import { ZIP_MAX_BYTES } from "./file-limits";

// Reading an uploaded .zip (a guide's Markdown and its pictures) without trusting it: its size, entry count
// and every entry's path are checked from the central directory before anything is inflated, and each entry
// is inflated a kilobyte of input at a time with a cap of its own, so neither a lying header nor a bomb that
// tells the truth (megabytes of zeros) is inflated past the cap. Nothing is ever written to disk, so a
// symbolic link inside is only a small file whose text is a path. Runs in the parse threads (zip-check.ts).

export { ZIP_MAX_BYTES };
export const ZIP_MAX_FILES = 200;
// Unpacked: the Markdown's 1 MB and pictures of at most 5 MB each, well within 200 × 5 MB in practice.
export const ZIP_MAX_UNPACKED = 100 * 1024 * 1024;

export type ZipRefusal = { file: string | null; message: string };
export type ZipEntry = {
  name: string;
  originalSize: number;
  compressedSize: number;
  method: number;
  localOffset: number;
};

const unsafe = (name: string) =>
  name.includes("\\") ||
  name.includes("\0") ||
  path.posix.isAbsolute(name) ||
  /^[a-zA-Z]:/.test(name) ||
  name.split("/").includes("..");

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries (none read past the limit), or null when the bytes are not a zip. */
function centralDirectory(bytes: Uint8Array): { count: number; entries: ZipEntry[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 64 KB.
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  while (end >= stop && view.getUint32(end, true) !== EOCD) end--;
  if (end < stop) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  if (count > ZIP_MAX_FILES) return { count, entries };
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > bytes.length) return null;
    const flags = view.getUint16(at + 8, true);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(
      bytes.subarray(at + 46, at + 46 + nameLength),
    );
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      originalSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return { count, entries };
}

/** The zip's file entries (folders left out) and their declared sizes, or why it is refused. */
export function listZip(bytes: Uint8Array, zipName: string): { entries: ZipEntry[] } | { refusal: ZipRefusal } {
  if (bytes.byteLength > ZIP_MAX_BYTES)
    return { refusal: { file: zipName, message: `"${zipName}" is larger than 20 MB.` } };
  const directory = bytes.byteLength >= 22 ? centralDirectory(bytes) : null;
  if (!directory)
    return {
      refusal: {
        file: zipName,
        message: `"${zipName}" could not be read as a zip file. It may be damaged: make it again and try once more.`,
      },
    };
  if (directory.count > ZIP_MAX_FILES)
    return {
      refusal: {
        file: zipName,
        message: `"${zipName}" holds ${directory.count} files; a guide's zip can hold at most ${ZIP_MAX_FILES}.`,
      },
    };
  const { entries } = directory;
  const outside = entries.find((e) => unsafe(e.name));
  if (outside)
    return {
      refusal: {
        file: outside.name,
        message: `"${outside.name}" points outside the zip (an absolute path or ".."), so the zip was refused.`,
      },
    };
  const files = entries.filter((e) => !e.name.endsWith("/"));
  const unpacked = files.reduce((sum, e) => sum + e.originalSize, 0);
  if (unpacked > ZIP_MAX_UNPACKED)
    return {
      refusal: {
        file: zipName,
        message: `"${zipName}" would unpack to ${Math.round(unpacked / (1024 * 1024))} MB; at most 100 MB is accepted.`,
      },
    };
  return { entries: files };
}

/**
 * One entry's bytes, or why not: more than `cap` bytes, more than its header declared, or damaged. Stops
 * inflating as soon as either limit is passed.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  cap: number,
): { data: Uint8Array } | { problem: "too-large" | "damaged" } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return { problem: "damaged" };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) return { problem: "damaged" };
  const limit = Math.min(cap, entry.originalSize);
  if (entry.method === 0) return compressed.length > limit ? { problem: "too-large" } : { data: compressed.slice() };
  if (entry.method !== 8) return { problem: "damaged" };

  let data: Buffer;
  try {
    // zlib's own inflate (native, ~10× fflate's here), which stops with an error at maxOutputLength.
    data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    const overflow = (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError;
    return { problem: overflow && entry.originalSize >= cap ? "too-large" : "damaged" };
  }
  if (data.length !== entry.originalSize) return { problem: "damaged" };
  return { data };
}
