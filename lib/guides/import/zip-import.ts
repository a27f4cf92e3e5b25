import "server-only";
import { db } from "@/lib/db";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { readGuideZip, storeGuideZip, type ZipImportResult } from "@/lib/guides/import/zip-store";

/**
 * OWNER/ADMIN import a guide as a .zip: one Markdown file and the pictures it names by relative path, into
 * their clinic's library, as the next version of the guide with that title (zip-store.ts). The zip is read
 * and checked off this thread; the version, its new pictures and the audit event are stored in one
 * transaction. Nothing is stored unless all of it passes; a refusal names the file.
 */
export async function importGuideZip(ctx: MemberContext, bytes: Uint8Array, zipName: string): Promise<ZipImportResult> {
  requireRole(ctx, MANAGERS);
  const read = await readGuideZip(bytes, zipName, { tenant: ctx.clinic.id });
  return db.$transaction(async (tx) => {
    const result = await storeGuideZip(tx, read, { clinicId: ctx.clinic.id, importedBy: ctx.user.id });
    await auditMember(
      ctx,
      {
        action: "guide.imported",
        targetType: "guide",
        targetId: result.guideId,
        metadata: {
          version: result.version,
          title: result.title,
          unchanged: result.unchanged,
          pictures: result.stored,
          zip: zipName,
        },
      },
      tx,
    );
    return result;
  });
}
