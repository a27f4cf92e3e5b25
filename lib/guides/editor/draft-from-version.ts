import "server-only";
import { db, type Tx } from "@/lib/db";
import { blocksToMarkdown, referencesToMarkdown } from "@/lib/guides/editor/blocks-to-markdown";
import { readBlocks } from "@/lib/guides/blocks";
import type { DraftContent } from "@/lib/guides/editor/draft-schemas";
import { codeLinesOf } from "@/lib/guides/editor/code-lines";
import { readCodes } from "@/lib/guides/clinical-codes";

/**
 * A stored version as the editor's draft: each section's blocks back as Markdown, the references as their
 * list, and the importer's decisions kept (sections required by the guide, warning signs left optional).
 * The caller has already checked that the version is one it may read.
 */
export async function versionAsDraft(versionId: string, tx: Tx = db): Promise<DraftContent> {
  const v = await tx.guideVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      title: true,
      guide: { select: { language: true, level: true } },
      summary: true,
      source: true,
      reviewedAt: true,
      codes: true,
      sections: {
        orderBy: { position: "asc" },
        select: { title: true, kind: true, blocks: true, lockReason: true, redFlag: true, required: true },
      },
      references: { orderBy: { position: "asc" }, select: { key: true, text: true, url: true } },
    },
  });
  return {
    title: v.title,
    summary: v.summary ?? "",
    source: v.source ?? "",
    reviewed: v.reviewedAt?.toISOString().slice(0, 10) ?? "",
    language: v.guide.language,
    level: v.guide.level === "plain" ? "plain" : "standard",
    codes: codeLinesOf(readCodes(v.codes)),
    sections: v.sections.map((s) => ({
      title: s.title,
      markdown: s.kind === "references" ? referencesToMarkdown(v.references) : blocksToMarkdown(readBlocks(s.blocks)),
      required: s.lockReason === "guide",
      keepUnlocked: s.redFlag && !s.required,
    })),
  };
}
