import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { importGuide } from "@/lib/guides/import/store";
import { unlockRedFlags } from "@/lib/guides/locks";
import { slugify } from "@/lib/guides/slugify";
import { versionAsDraft } from "@/lib/guides/editor/draft-from-version";
import { checkDraft } from "@/lib/guides/editor/draft-validation";
import { imageIdsIn, readBlocks } from "@/lib/guides/blocks";

// "Make a clinic copy": a shared library guide (read-only) becomes the clinic's own, editable guide, which
// remembers the library version it came from so its page can say when the library has moved on.

/** OWNER/ADMIN copy the latest version of a shared guide into their library, as its version 1. */
export async function copyLibraryGuide(ctx: MemberContext, guideId: string): Promise<{ guideId: string }> {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const source = await db.guideVersion.findFirst({
    where: { guideId, guide: { clinicId: null } },
    orderBy: { version: "desc" },
    select: { id: true, guide: { select: { variantOfId: true } } },
  });
  if (!source) throw new AppError("NOT_FOUND", "That guide is not in the shared library.");
  if (source.guide.variantOfId)
    throw new AppError(
      "BAD_REQUEST",
      "This guide is a variant of another library guide: copy the original guide instead.",
    );
  const content = await versionAsDraft(source.id);
  // The library guide's pictures become the copy's own (new rows with the same bytes), so the clinic's
  // editor, whose drafts name only the clinic's pictures, keeps them.
  const sections = await db.section.findMany({ where: { versionId: source.id }, select: { blocks: true } });
  const pictures = new Map(
    [...new Set(sections.flatMap((s) => imageIdsIn(readBlocks(s.blocks))))].map((id) => [
      id,
      `gi_${crypto.randomUUID().replace(/-/g, "")}`,
    ]),
  );
  // The copy goes through the importer like any guide, so it is exactly what the editor would publish.
  const check = await checkDraft(
    content,
    Object.fromEntries([...pictures].map(([from, to]) => [`image:${from}`, to])),
    clinicId,
  );
  if (!check.guide)
    throw new AppError(
      "BAD_REQUEST",
      "The library guide could not be copied: it no longer passes the importer's checks.",
    );
  const keepUnlocked = content.sections.filter((s) => s.keepUnlocked).map((s) => slugify(s.title));
  const guide = { ...check.guide, sections: unlockRedFlags(check.guide.sections, keepUnlocked) };
  return db.$transaction(async (tx) => {
    if (await tx.guide.findFirst({ where: { clinicId, key: slugify(guide.title) }, select: { id: true } })) {
      throw new AppError(
        "CONFLICT",
        "Your library already has a guide with this title: open it from the library, or rename yours first.",
      );
    }
    const result = await importGuide(tx, guide, { clinicId, importedBy: ctx.user.id });
    for (const [from, to] of pictures) {
      await tx.$executeRaw`INSERT INTO "GuideImage" ("id", "clinicId", "guideId", "format", "width", "height", "sha256", "data")
        SELECT ${to}, ${clinicId}, ${result.guideId}, "format", "width", "height", "sha256", "data" FROM "GuideImage" WHERE "id" = ${from} AND "clinicId" IS NULL AND "draftId" IS NULL`;
    }
    await tx.guide.updateMany({ where: { id: result.guideId, clinicId }, data: { sourceVersionId: source.id } });
    await auditMember(
      ctx,
      {
        action: "guide.copied",
        targetType: "guide",
        targetId: result.guideId,
        metadata: { title: guide.title, sourceVersionId: source.id },
      },
      tx,
    );
    return { guideId: result.guideId };
  });
}

export type CopySource = { guideId: string; title: string; version: number; latestVersion: number };

/** For a clinic copy: the library guide and version it came from, and the library's newest version. */
export async function findCopySource(ctx: MemberContext, guideId: string): Promise<CopySource | null> {
  const guide = await db.guide.findFirst({
    where: { id: guideId, clinicId: ctx.clinic.id },
    select: {
      sourceVersion: {
        select: {
          version: true,
          title: true,
          guideId: true,
          guide: {
            select: { clinicId: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
          },
        },
      },
    },
  });
  const src = guide?.sourceVersion;
  if (!src || src.guide.clinicId !== null) return null;
  return {
    guideId: src.guideId,
    title: src.title,
    version: src.version,
    latestVersion: src.guide.versions[0]?.version ?? src.version,
  };
}
