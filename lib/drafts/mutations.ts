import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGuideVersion } from "@/lib/guides/versions";
import { DRAFT_DAYS, type DraftState } from "@/lib/drafts/schemas";
import type { MemberContext } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Saves the builder's form as the member's draft in this clinic: a new one, or the one `draftId` names. A
 * draft that is gone (generated, discarded, or someone else's) is not brought back: a save that arrives late
 * after "Generate" must not leave a draft of a handout that exists. Drafts are private to their author.
 */
export async function saveDraft(ctx: MemberContext, state: DraftState, draftId?: string): Promise<{ id: string } | null> {
  const version = await getGuideVersion(ctx.clinic.id, state.guideVersionId);
  const data = { guideId: version.guideId, title: state.title.trim() || version.title, data: state as unknown as Prisma.InputJsonValue };
  if (draftId) {
    const { count } = await db.handoutDraft.updateMany({ where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id }, data });
    return count === 1 ? { id: draftId } : null;
  }
  return db.handoutDraft.create({ data: { ...data, clinicId: ctx.clinic.id, userId: ctx.user.id }, select: { id: true } });
}

/** "Discard draft". */
export async function discardDraft(ctx: MemberContext, draftId: string): Promise<void> {
  const { count } = await db.handoutDraft.deleteMany({ where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That draft no longer exists.");
}

/** Drafts untouched for DRAFT_DAYS go: they may hold a patient's first name and notes. Run by the worker. */
export async function purgeOldDrafts(days = DRAFT_DAYS): Promise<number> {
  const { count } = await db.handoutDraft.deleteMany({ where: { updatedAt: { lt: new Date(Date.now() - days * 86_400_000) } } });
  return count;
}
