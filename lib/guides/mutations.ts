import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { getMembership } from "@/lib/clinics/membership";
import { MANAGERS } from "@/lib/clinics/roles";
import { importGuide } from "@/lib/guides/import";
import { parseGuideMarkdown } from "@/lib/guides/parse-markdown";

type Info = { ip: string | null; userAgent: string | null };

/**
 * OWNER/ADMIN import Markdown into their own clinic's library, never the shared one. The text is parsed
 * again here, so what a preview showed is never trusted; bad input stores nothing.
 */
export async function importClinicGuide(actorId: string, clinicId: string, markdown: string, info: Info) {
  await getMembership(actorId, clinicId, { role: MANAGERS });
  const parsed = parseGuideMarkdown(markdown);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `The guide was not imported: ${parsed.errors.join(" ")}`);
  return importGuide(db, parsed.guide, { clinicId, importedBy: actorId }, async (tx, result) => {
    await recordAudit(
      { action: "guide.imported", clinicId, actorId, targetType: "guide", targetId: result.guideId, metadata: { version: result.version }, ...info },
      tx,
    );
  });
}
