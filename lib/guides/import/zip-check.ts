// Everything about an uploaded guide .zip that can be decided from its bytes, run in a parse thread
// (parse-thread.mjs) with that thread's time and memory limits, never on the request thread: the zip's
// directory, its Markdown read and parsed, and each picture the text uses inflated (with a cap of its own)
// and checked by its bytes, one at a time, so the first bad picture refuses the zip before the next one is
// inflated. What is left for the request thread is decoding and re-encoding the pictures (sharp, native
// threads) and storing. A refusal names the file.
import crypto from "node:crypto";
import path from "node:path";
import { checkImageBytes } from "../../clinics/image-bytes";
import type { ImageKind } from "../../clinics/image-kind";
import { imageIdsIn } from "../blocks";
import { GUIDE_IMAGE_MAX_BYTES } from "../image-limits";
import { MAX_GUIDE_BYTES, parseGuideMarkdown, type ParsedGuide } from "./parse-markdown";
import { inflateEntry, listZip, type ZipEntry } from "./zip-entries";

export type ZipPicture = { id: string; name: string; kind: ImageKind; offset: number; length: number };
export type ZipCheck =
  | { ok: false; message: string }
  // `bytes` holds every picture's bytes one after another (one buffer, moved to the caller, not copied).
  | {
      ok: true;
      guide: ParsedGuide;
      warnings: string[];
      markdownName: string;
      pictures: ZipPicture[];
      bytes: Uint8Array;
    };

// The spellings an author may use for a picture beside (or below) the Markdown file: "images/knee.png",
// "./images/knee.png", "images/knee%20bend.png".
function spellings(from: string, entry: string): string[] {
  const rel = path.posix.relative(from === "." ? "" : from, entry);
  return [...new Set([rel, `./${rel}`, encodeURI(rel)])];
}

const MB = 1024 * 1024;
const refuse = (message: string): ZipCheck => ({ ok: false, message });

export function checkGuideZip(bytes: Uint8Array, zipName: string): ZipCheck {
  const listed = listZip(bytes, zipName);
  if ("refusal" in listed) return refuse(listed.refusal.message);
  const { entries } = listed;
  const markdown = entries.filter((e) => /\.(md|markdown)$/i.test(e.name) && !e.name.startsWith("__MACOSX/"));
  if (markdown.length !== 1)
    return refuse(`"${zipName}" must hold exactly one Markdown (.md) file; it holds ${markdown.length}.`);
  const md = markdown[0]!;
  const mdBytes =
    md.originalSize > MAX_GUIDE_BYTES ? { problem: "too-large" as const } : inflateEntry(bytes, md, MAX_GUIDE_BYTES);
  if ("problem" in mdBytes)
    return refuse(
      mdBytes.problem === "too-large"
        ? `"${md.name}" is larger than 1 MB.`
        : `"${md.name}" could not be read from the zip. It may be damaged: make the zip again and try once more.`,
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(mdBytes.data);
  } catch {
    return refuse(`"${md.name}" is not UTF-8 text.`);
  }

  const dir = path.posix.dirname(md.name);
  const candidates = entries.filter((e) => e !== md && !e.name.startsWith("__MACOSX/"));
  const idOf = new Map(candidates.map((e) => [e.name, `gi_${crypto.randomUUID().replace(/-/g, "")}`]));
  const refs = Object.fromEntries(
    candidates.flatMap((e) => spellings(dir, e.name).map((url) => [url, idOf.get(e.name)!])),
  );
  const parsed = parseGuideMarkdown(text, { images: refs });
  if (!parsed.ok) return refuse(`"${md.name}" was not imported: ${parsed.errors.join(" ")}`);
  // In a zip, a picture the text names must be there: leaving it out would be a silent loss.
  const missing = parsed.warnings
    .map((w) => /Images are not imported: the image on line (\d+)/.exec(w)?.[1])
    .filter(Boolean);
  if (missing.length > 0)
    return refuse(
      `"${md.name}": the picture on line ${missing.join(", ")} is not in the zip. Add it, or fix its path (relative to the Markdown file).`,
    );

  // The pictures the text uses, in the order it uses them.
  const byId = new Map(candidates.map((e) => [idOf.get(e.name)!, e]));
  const used = [...new Set(parsed.guide.sections.flatMap((s) => imageIdsIn(s.blocks)))].map((id) => byId.get(id)!);
  const pictures: ZipPicture[] = [];
  const data: Uint8Array[] = [];
  let offset = 0;
  for (const entry of used) {
    const picture = readPicture(bytes, entry);
    if ("problem" in picture) return refuse(`"${entry.name}": ${picture.problem}`);
    pictures.push({
      id: idOf.get(entry.name)!,
      name: entry.name,
      kind: picture.kind,
      offset,
      length: picture.data.length,
    });
    data.push(picture.data);
    offset += picture.data.length;
  }
  const all = new Uint8Array(offset);
  data.forEach((d, i) => all.set(d, pictures[i]!.offset));
  return { ok: true, guide: parsed.guide, warnings: parsed.warnings, markdownName: md.name, pictures, bytes: all };
}

const TOO_LARGE = `The picture is larger than ${GUIDE_IMAGE_MAX_BYTES / MB} MB. Save a smaller version and try again.`;

function readPicture(zip: Uint8Array, entry: ZipEntry): { data: Uint8Array; kind: ImageKind } | { problem: string } {
  if (entry.originalSize > GUIDE_IMAGE_MAX_BYTES) return { problem: TOO_LARGE };
  const inflated = inflateEntry(zip, entry, GUIDE_IMAGE_MAX_BYTES);
  if ("problem" in inflated)
    return {
      problem:
        inflated.problem === "too-large"
          ? TOO_LARGE
          : "The image could not be read from the zip. It may be damaged: make the zip again and try once more.",
    };
  const checked = checkImageBytes(
    Buffer.from(inflated.data.buffer, inflated.data.byteOffset, inflated.data.byteLength),
    { name: entry.name },
    { maxBytes: GUIDE_IMAGE_MAX_BYTES, noun: "The picture" },
  );
  return "problem" in checked ? checked : { data: inflated.data, kind: checked.kind };
}
