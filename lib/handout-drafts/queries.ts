import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { draftStateSchema } from "@/lib/handout-drafts/schemas";
import type { MemberContext } from "@/lib/member-context";

const preparedForOnly = draftStateSchema.pick({ preparedFor: true });

/** The member's own drafts in this clinic, newest first, with who each is for (its "Prepared for", as typed). */
export async function findDrafts(ctx: MemberContext, take = 10) {
  const rows = await db.handoutDraft.findMany({
    where: { clinicId: ctx.clinic.id, userId: ctx.user.id },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, updatedAt: true, data: true },
  });
  return rows.map(({ data, ...d }) => ({
    ...d,
    preparedFor: preparedForOnly.safeParse(data).data?.preparedFor.trim() ?? "",
  }));
}

export async function hasDraft(ctx: MemberContext, draftId: string): Promise<boolean> {
  return !!(await db.handoutDraft.findFirst({
    where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id },
    select: { id: true },
  }));
}

export async function getDraft(ctx: MemberContext, draftId: string) {
  const draft = await db.handoutDraft.findFirst({
    where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id },
  });
  if (!draft) throw new AppError("NOT_FOUND", "That draft no longer exists.");
  return {
    id: draft.id,
    updatedAt: draft.updatedAt,
    revision: draft.revision,
    state: draftStateSchema.parse(draft.data),
  };
}

export type GeneratedFrom = { id: string; title: string; preparedFor: string | null; createdAt: Date };

/** The handout a gone draft of this member became, if it was generated (and not discarded or expired). */
export async function findHandoutFromDraft(ctx: MemberContext, draftId: string): Promise<GeneratedFrom | null> {
  return db.handout.findFirst({
    where: { clinicId: ctx.clinic.id, draftId, authorId: ctx.user.id },
    select: { id: true, title: true, preparedFor: true, createdAt: true },
  });
}
