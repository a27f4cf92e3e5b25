import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGuideVersion } from "@/lib/guides/library/versions";
import { DRAFT_DAYS, type DraftState } from "@/lib/handout-drafts/schemas";
import type { MemberContext } from "@/lib/member-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findHandoutFromDraft, type GeneratedFrom } from "@/lib/handout-drafts/queries";

export type DraftSave =
  | { saved: { id: string; revision: number; savedAt: Date } }
  // Saved meanwhile from another tab or window (drafts are their author's alone), after the revision this one started from.
  | { stale: { revision: number; savedAt: Date } }
  // Generated (then `handout` names what it became), discarded, or expired.
  | { gone: { handout: GeneratedFrom | null } };

/**
 * Saves the builder's form as the member's draft in this clinic: a new one, or the one `draftId` names at
 * the revision this tab last saw (`revision`; a later one wins only when `force`, "Keep this tab's
 * version"). A draft that is gone (generated, discarded, or someone else's) is not brought back: a save
 * that arrives late after "Generate" must not leave a draft of a handout that exists.
 */
export async function saveDraft(
  ctx: MemberContext,
  state: DraftState,
  at?: { draftId: string; revision: number; force?: boolean },
): Promise<DraftSave> {
  const version = await getGuideVersion(ctx.clinic.id, state.guideVersionId);
  const data = {
    guideId: version.guideId,
    title: state.title.trim() || version.title,
    data: state as unknown as Prisma.InputJsonValue,
  };
  if (!at) {
    const created = await db.handoutDraft.create({
      data: { ...data, clinicId: ctx.clinic.id, userId: ctx.user.id },
      select: { id: true, revision: true, updatedAt: true },
    });
    return { saved: { id: created.id, revision: created.revision, savedAt: created.updatedAt } };
  }
  const mine = { id: at.draftId, clinicId: ctx.clinic.id, userId: ctx.user.id };
  const { count } = await db.handoutDraft.updateMany({
    where: at.force ? mine : { ...mine, revision: at.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  const row = await db.handoutDraft.findFirst({ where: mine, select: { revision: true, updatedAt: true } });
  if (!row) return { gone: { handout: await findHandoutFromDraft(ctx, at.draftId) } };
  return count === 1
    ? { saved: { id: at.draftId, revision: row.revision, savedAt: row.updatedAt } }
    : { stale: { revision: row.revision, savedAt: row.updatedAt } };
}

/** "Discard draft". */
export async function discardDraft(ctx: MemberContext, draftId: string): Promise<void> {
  const { count } = await db.handoutDraft.deleteMany({
    where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", "That draft no longer exists.");
}

/** Drafts untouched for DRAFT_DAYS go: they may hold a patient's first name and notes. Run by the worker. */
export async function purgeOldDrafts(days = DRAFT_DAYS): Promise<number> {
  const { count } = await db.handoutDraft.deleteMany({
    where: { updatedAt: { lt: new Date(Date.now() - days * 86_400_000) } },
  });
  return count;
}
