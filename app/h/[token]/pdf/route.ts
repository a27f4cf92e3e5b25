import { openLink, linkFile } from "@/lib/links/responses";
import { readStoredPdf } from "@/lib/handouts/queries";
import { recordLinkPdf } from "@/lib/links/mutations";
import { handoutFileName } from "@/lib/handouts/file-name";

export const dynamic = "force-dynamic";

// "Download PDF" on the patient page: the stored bytes, checked against their SHA-256, audited.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const opened = await openLink(req, (await params).token);
  if ("response" in opened) return opened.response;
  const pdf = await readStoredPdf(opened.link.clinicId, opened.link.handoutId);
  await recordLinkPdf(opened.link);
  return linkFile(pdf.bytes, "application/pdf", `attachment; filename="${handoutFileName(pdf.title, pdf.createdAt)}"`);
}
