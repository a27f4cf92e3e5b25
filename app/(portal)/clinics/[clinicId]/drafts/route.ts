import { z } from "zod";
import { requireMember } from "@/lib/authz";
import { errorResponse, originCheck } from "@/lib/http";
import { isAppError } from "@/lib/errors";
import { readFormData } from "@/lib/server/request-body";
import { idSchema } from "@/lib/ids";
import { saveDraft } from "@/lib/handout-drafts/mutations";
import { findHandoutFromDraft, hasDraft } from "@/lib/handout-drafts/queries";
import { draftStateFromFormData, draftStateSchema } from "@/lib/handout-drafts/schemas";

export const dynamic = "force-dynamic";

const MAX_FORM_BYTES = 64 * 1024;

const json = (status: number, body: object) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

// The builder saves its form here as the clinician works (debounced). A route rather than a server action:
// Next runs a page's actions one at a time, so autosaves would hold up "Generate PDF" behind them. Answers:
// 200 saved (with the draft's new revision); 409 saved meanwhile from another tab; 410 gone (with the
// handout it became, if generated); 401 signed out (the page keeps what was typed and offers to sign in).
export async function POST(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    if (!clinicId.success) return json(404, { error: "Not found" });
    const origin = originCheck(req.headers);
    if (!origin.ok) return json(403, { error: origin.message });
    const ctx = await requireMember(clinicId.data, { signedOut: "throw" });
    const form = await readFormData(req, MAX_FORM_BYTES);
    const state = draftStateSchema.safeParse(draftStateFromFormData(form));
    if (!state.success) return json(400, { error: "The draft could not be read." });
    const draftId = idSchema.safeParse(form.get("draftId"));
    const revision = z.coerce.number().int().min(1).safeParse(form.get("revision"));
    const at = draftId.success
      ? { draftId: draftId.data, revision: revision.success ? revision.data : 1, force: form.get("force") === "1" }
      : undefined;
    const result = await saveDraft(ctx, state.data, at);
    if ("gone" in result)
      return json(410, { error: "The draft is gone: it was generated or discarded.", handout: result.gone.handout });
    if ("stale" in result)
      return json(409, {
        error: "Saved meanwhile in another tab or window.",
        revision: result.stale.revision,
        savedAt: result.stale.savedAt.toISOString(),
      });
    return json(200, {
      id: result.saved.id,
      revision: result.saved.revision,
      savedAt: result.saved.savedAt.toISOString(),
    });
  } catch (err) {
    if (isAppError(err) && err.code === "TOO_LARGE") return json(413, { error: "The form is too large to save." });
    if (isAppError(err) && err.code === "UNAUTHENTICATED") return json(401, { error: err.message });
    return errorResponse(err);
  }
}

// Is this draft still open? Asked by a builder page when it is shown again from the browser's history (Back
// after Generate shows the page as it was, without asking the server): 200, or 410 with what it became.
export async function GET(req: Request, { params }: { params: Promise<{ clinicId: string }> }) {
  try {
    const clinicId = idSchema.safeParse((await params).clinicId);
    const draftId = idSchema.safeParse(new URL(req.url).searchParams.get("id"));
    if (!clinicId.success || !draftId.success) return json(404, { error: "Not found" });
    const ctx = await requireMember(clinicId.data, { signedOut: "throw" });
    if (await hasDraft(ctx, draftId.data)) return json(200, { open: true });
    return json(410, {
      error: "The draft is gone: it was generated or discarded.",
      handout: await findHandoutFromDraft(ctx, draftId.data),
    });
  } catch (err) {
    if (isAppError(err) && err.code === "UNAUTHENTICATED") return json(401, { error: err.message });
    return errorResponse(err);
  }
}
