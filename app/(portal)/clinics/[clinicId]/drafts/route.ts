import { requireMember } from "@/lib/authz";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { isAppError } from "@/lib/errors";
import { readFormData } from "@/lib/server/request-body";
import { idSchema } from "@/lib/ids";
import { saveDraft } from "@/lib/drafts/mutations";
import { draftStateFromFormData, draftStateSchema } from "@/lib/drafts/schemas";

export const dynamic = "force-dynamic";

const MAX_FORM_BYTES = 64 * 1024;

// The builder saves its form here as the clinician works (debounced). A route rather than a server action:
// Next runs a page's actions one at a time, so autosaves would hold up "Generate PDF" behind them.
export async function POST(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    if (!clinicId.success || !isSameOrigin(req)) return Response.json({ error: "Not found" }, { status: 404 });
    const ctx = await requireMember(clinicId.data);
    const form = await readFormData(req, MAX_FORM_BYTES);
    const state = draftStateSchema.safeParse(draftStateFromFormData(form));
    if (!state.success) return Response.json({ error: "The draft could not be read." }, { status: 400 });
    const draftId = idSchema.safeParse(form.get("draftId"));
    const saved = await saveDraft(ctx, state.data, draftId.success ? draftId.data : undefined);
    if (!saved) return Response.json({ error: "The draft is gone: it was generated or discarded." }, { status: 410 });
    return Response.json({ id: saved.id, savedAt: new Date().toISOString() }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (isAppError(err) && err.code === "TOO_LARGE") return Response.json({ error: "The form is too large to save." }, { status: 413 });
    return errorResponse(err);
  }
}
