import "server-only";
import { MAX_GUIDE_BYTES } from "@/lib/guides/import/parse-markdown";
import { parseGuideInThread } from "@/lib/guides/import/parse-pool";
import { draftToMarkdown } from "@/lib/guides/editor/draft-markdown";
import {
  checkDraftShape,
  checkSectionsKept,
  hasIssues,
  placeErrors,
  type DraftIssues,
} from "@/lib/guides/editor/draft-issues";
import { AppError } from "@/lib/errors";
import type { DraftContent } from "@/lib/guides/editor/draft-schemas";
import type { ParsedGuide } from "@/lib/guides/import/parse-markdown";

export type DraftCheck = { issues: DraftIssues; guide: ParsedGuide | null; warnings: string[] };

/**
 * The importer's validation of a draft: the draft as one Markdown file, parsed in the parse threads (time
 * and memory limits, never on the request thread) with the pictures it may name, its messages placed on
 * the field or section they are about. `guide` is what Publish would store, null while anything is wrong.
 */
export async function checkDraft(
  content: DraftContent,
  images: Record<string, string>,
  clinicId: string,
): Promise<DraftCheck> {
  const { markdown, lines } = draftToMarkdown(content);
  if (Buffer.byteLength(markdown) > MAX_GUIDE_BYTES)
    throw new AppError(
      "BAD_REQUEST",
      "The guide is larger than 1 MB. Split it into two guides, or shorten its sections.",
    );
  const issues = checkDraftShape(content);
  // Structural slips would only produce confusing follow-on messages from the parser.
  if (hasIssues(issues)) return { issues, guide: null, warnings: [] };
  const parsed = await parseGuideInThread(markdown, { images, tenant: clinicId });
  if (!parsed.ok) return { issues: placeErrors(parsed.errors, content, lines, issues), guide: null, warnings: [] };
  checkSectionsKept(
    content,
    parsed.guide.sections.map((s) => s.key),
    issues,
  );
  return { issues, guide: hasIssues(issues) ? null : parsed.guide, warnings: parsed.warnings };
}
