import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole } from "@/lib/clinics/roles";
import { importGuide } from "@/lib/guides/import";
import { GUIDE_IMAGE_MAX_BYTES, processGuideImage } from "@/lib/guides/images";
import { imageIdsIn } from "@/lib/guides/blocks";
import { MAX_GUIDE_BYTES } from "@/lib/guides/parse-markdown";
import { parseGuideInThread } from "@/lib/guides/parse-pool";
import { listZip, readZipEntries } from "@/lib/guides/zip-entries";
import type { MemberContext } from "@/lib/authz";
import type { CleanImage } from "@/lib/clinics/image-upload";

const refuse = (message: string) => new AppError("BAD_REQUEST", message, { file: [message] });

// The spellings an author may use for a picture beside (or below) the Markdown file: "images/knee.png",
// "./images/knee.png", "images/knee%20bend.png".
function spellings(from: string, entry: string): string[] {
  const rel = path.posix.relative(from === "." ? "" : from, entry);
  return [...new Set([rel, `./${rel}`, encodeURI(rel)])];
}

/**
 * OWNER/ADMIN import a guide as a .zip: one Markdown file and the pictures it names by relative path, into
 * their clinic's library. Everything is checked (the zip, the text, every picture it uses) before anything
 * is stored; the version and its pictures are then stored in one transaction. A refusal names the file.
 */
export async function importGuideZip(ctx: MemberContext, bytes: Uint8Array, zipName: string) {
  requireRole(ctx, MANAGERS);
  const listed = listZip(bytes, zipName);
  if ("refusal" in listed) throw refuse(listed.refusal.message);
  const { entries } = listed;
  const markdown = entries.filter((e) => /\.(md|markdown)$/i.test(e.name) && !e.name.startsWith("__MACOSX/"));
  if (markdown.length !== 1) throw refuse(`"${zipName}" must hold exactly one Markdown (.md) file; it holds ${markdown.length}.`);
  const md = markdown[0]!;
  if (md.originalSize > MAX_GUIDE_BYTES) throw refuse(`"${md.name}" is larger than 1 MB.`);

  const dir = path.posix.dirname(md.name);
  const pictures = entries.filter((e) => e !== md && !e.name.startsWith("__MACOSX/"));
  const idOf = new Map(pictures.map((e) => [e.name, `gi_${crypto.randomUUID().replace(/-/g, "")}`]));
  const refs = Object.fromEntries(pictures.flatMap((e) => spellings(dir, e.name).map((url) => [url, idOf.get(e.name)!])));

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readZipEntries(bytes, new Set([md.name]))[md.name]);
  } catch {
    throw refuse(`"${md.name}" is not UTF-8 text.`);
  }
  const parsed = await parseGuideInThread(text, undefined, refs);
  if (!parsed.ok) throw refuse(`"${md.name}" was not imported: ${parsed.errors.join(" ")}`);
  // In a zip, a picture the text names must be there: leaving it out would be a silent loss.
  const missing = parsed.warnings.map((w) => /Images are not imported: the image on line (\d+)/.exec(w)?.[1]).filter(Boolean);
  if (missing.length > 0) throw refuse(`"${md.name}": the picture on line ${missing.join(", ")} is not in the zip. Add it, or fix its path (relative to the Markdown file).`);

  const used = new Set(parsed.guide.sections.flatMap((s) => imageIdsIn(s.blocks)));
  const usedEntries = pictures.filter((e) => used.has(idOf.get(e.name)!));
  const oversized = usedEntries.find((e) => e.originalSize > GUIDE_IMAGE_MAX_BYTES);
  if (oversized) throw refuse(`"${oversized.name}": The picture is larger than 5 MB. Save a smaller version and try again.`);
  const raw = readZipEntries(bytes, new Set(usedEntries.map((e) => e.name)));
  const images: ({ id: string } & CleanImage)[] = [];
  for (const e of usedEntries) images.push({ id: idOf.get(e.name)!, ...(await processGuideImage(Buffer.from(raw[e.name]!), { name: e.name }, "file")) });

  const clinicId = ctx.clinic.id;
  return db.$transaction(async (tx) => {
    const result = await importGuide(tx, parsed.guide, { clinicId, importedBy: ctx.user.id });
    if (images.length > 0) {
      await tx.guideImage.createMany({
        data: images.map((i) => ({ id: i.id, clinicId, guideId: result.guideId, format: i.format, width: i.width, height: i.height, sha256: i.sha256, data: new Uint8Array(i.data) })),
      });
    }
    await auditMember(ctx, { action: "guide.imported", targetType: "guide", targetId: result.guideId, metadata: { version: result.version, title: parsed.guide.title, pictures: images.length, zip: zipName } }, tx);
    return result;
  });
}
