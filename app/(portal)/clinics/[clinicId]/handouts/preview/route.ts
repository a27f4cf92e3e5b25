import { requireMember } from "@/lib/authz";
import { errorResponse, foreignOrigin } from "@/lib/http";
import { isAppError } from "@/lib/errors";
import { readFormData } from "@/lib/server/request-body";
import { idSchema } from "@/lib/ids";
import { draftFromFormData } from "@/lib/handouts/schemas";
import { renderPreviewPdf } from "@/lib/printing/preview";

export const dynamic = "force-dynamic";

const MAX_FORM_BYTES = 64 * 1024;
const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// The builder's live preview: the real PDF for the form as it is now, from the same code and render threads
// as Generate. A route, not a server action, because Next runs a page's server actions one at a time: a
// burst of preview renders while typing would hold up "Generate PDF" behind them. The browser aborts the
// request when a newer change supersedes it, and a render still waiting for a thread is then dropped.
export async function POST(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    if (!clinicId.success) return plain(404, "Not found");
    const refused = foreignOrigin(req);
    if (refused) return refused;
    const ctx = await requireMember(clinicId.data, { signedOut: "throw" });
    const form = await readFormData(req, MAX_FORM_BYTES);
    // Page 1 only unless the builder shows every page ("Show all N pages"): a third of the render time.
    const preview = await renderPreviewPdf(ctx, draftFromFormData(form), {
      allPages: form.get("allPages") === "1",
      signal: req.signal,
    });
    return new Response(new Uint8Array(preview.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Handout-Pages": String(preview.pages),
        // Percent-encoded JSON: header values are Latin-1, the characters reported are anything but.
        "X-Handout-Unprintable": encodeURIComponent(JSON.stringify(preview.unprintable)),
      },
    });
  } catch (err) {
    if (req.signal.aborted) return plain(499, "The preview was superseded.");
    if (isAppError(err) && err.code === "TOO_LARGE") return plain(413, "The form is too large.");
    return errorResponse(err);
  }
}
