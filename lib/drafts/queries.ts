import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { draftStateSchema } from "@/lib/drafts/schemas";
import type { MemberContext } from "@/lib/authz";

/** The member's own drafts in this clinic, newest first. */
export async function findDrafts(ctx: MemberContext, take = 10) {
  return db.handoutDraft.findMany({
    where: { clinicId: ctx.clinic.id, userId: ctx.user.id },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, updatedAt: true },
  });
}

export async function getDraft(ctx: MemberContext, draftId: string) {
  const draft = await db.handoutDraft.findFirst({ where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id } });
  if (!draft) throw new AppError("NOT_FOUND", "That draft no longer exists.");
  return { id: draft.id, updatedAt: draft.updatedAt, state: draftStateSchema.parse(draft.data) };
}
