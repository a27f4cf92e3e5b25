import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole } from "@/lib/clinics/roles";
import { importGuide } from "@/lib/guides/import";
import { reencodeGuideImage } from "@/lib/guides/images";
import { runInParseThread } from "@/lib/guides/parse-pool";
import { ZIP_MAX_BYTES } from "@/lib/guides/zip-entries";
import type { ZipCheck } from "@/lib/guides/zip-check";
import type { MemberContext } from "@/lib/authz";
import type { CleanImage } from "@/lib/clinics/image-upload";

const refuse = (message: string) => new AppError("BAD_REQUEST", message, { file: [message] });

/**
 * OWNER/ADMIN import a guide as a .zip: one Markdown file and the pictures it names by relative path, into
 * their clinic's library. The zip is read, its text parsed and every picture it uses inflated and checked by
 * its bytes in a parse thread (zip-check.ts: time and memory limits, the clinic's turn), then each picture is
 * decoded and re-encoded (sharp, off this thread too); the version and its pictures are stored in one
 * transaction. Nothing is stored unless all of it passes; a refusal names the file.
 */
export async function importGuideZip(ctx: MemberContext, bytes: Uint8Array, zipName: string) {
  requireRole(ctx, MANAGERS);
  // Refused before it is copied to a thread.
  if (bytes.byteLength > ZIP_MAX_BYTES) throw refuse(`"${zipName}" is larger than 20 MB.`);
  const checked = await runInParseThread<ZipCheck>({ zip: bytes, zipName }, { tenant: ctx.clinic.id }, `Reading "${zipName}"`);
  if (!checked.ok) throw refuse(checked.message);
  const { guide } = checked;

  const images: ({ id: string } & CleanImage)[] = [];
  for (const p of checked.pictures) {
    const picture = Buffer.from(checked.bytes.buffer, checked.bytes.byteOffset + p.offset, p.length);
    images.push({ id: p.id, ...(await reencodeGuideImage(picture, p.kind, p.name)) });
  }

  const clinicId = ctx.clinic.id;
  return db.$transaction(async (tx) => {
    const result = await importGuide(tx, guide, { clinicId, importedBy: ctx.user.id });
    if (images.length > 0) {
      await tx.guideImage.createMany({
        data: images.map((i) => ({ id: i.id, clinicId, guideId: result.guideId, format: i.format, width: i.width, height: i.height, sha256: i.sha256, data: new Uint8Array(i.data) })),
      });
    }
    await auditMember(ctx, { action: "guide.imported", targetType: "guide", targetId: result.guideId, metadata: { version: result.version, title: guide.title, pictures: images.length, zip: zipName } }, tx);
    return result;
  });
}
