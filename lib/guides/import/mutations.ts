import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { importGuide, resolveVariant } from "@/lib/guides/import/store";
import { parseGuideInThread } from "@/lib/guides/import/parse-pool";
import { unlockRedFlags } from "@/lib/guides/locks";
import type { ParsedGuide } from "@/lib/guides/import/parse-markdown";

/** Parses a guide for the import preview (OWNER/ADMIN); nothing is stored. */
export async function previewClinicGuide(
  ctx: MemberContext,
  source: string | Uint8Array,
): Promise<{ guide: ParsedGuide; warnings: string[] }> {
  requireRole(ctx, MANAGERS);
  const parsed = await parseGuideInThread(source, { tenant: ctx.clinic.id });
  if (!parsed.ok)
    throw new AppError("BAD_REQUEST", "The guide could not be read. Fix the problems below and try again.", {
      source: parsed.errors,
    });
  // A variant is checked against its original now, so a mismatch is named before "Confirm import".
  if (parsed.guide.variant.of) {
    await resolveVariant(db, parsed.guide, ctx.clinic.id).catch((e: unknown) => {
      throw e instanceof AppError
        ? new AppError("BAD_REQUEST", "The guide could not be read. Fix the problems below and try again.", {
            source: [e.message],
          })
        : e;
    });
  }
  return parsed;
}

/**
 * OWNER/ADMIN import Markdown into their own clinic's library, never the shared one. The text is parsed
 * again here, so what a preview showed is never trusted; bad input stores nothing.
 */
export async function importClinicGuide(
  ctx: MemberContext,
  markdown: string,
  decisions: { keepUnlocked?: string[] } = {},
) {
  requireRole(ctx, MANAGERS);
  const parsed = await parseGuideInThread(markdown, { tenant: ctx.clinic.id });
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `The guide was not imported: ${parsed.errors.join(" ")}`);
  // The importer's answer in the preview: which flagged warning-sign sections stay optional.
  const guide = { ...parsed.guide, sections: unlockRedFlags(parsed.guide.sections, decisions.keepUnlocked ?? []) };
  const unlocked = guide.sections.filter((s) => s.redFlag && !s.required).map((s) => s.key);
  return importGuide(db, guide, { clinicId: ctx.clinic.id, importedBy: ctx.user.id }, async (tx, result) => {
    await auditMember(
      ctx,
      {
        action: "guide.imported",
        targetType: "guide",
        targetId: result.guideId,
        metadata: { version: result.version, title: guide.title, unlockedWarningSections: unlocked },
      },
      tx,
    );
  });
}
