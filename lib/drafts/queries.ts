import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { draftStateSchema } from "@/lib/drafts/schemas";
import type { MemberContext } from "@/lib/authz";

const preparedForOnly = draftStateSchema.pick({ preparedFor: true });

/** The member's own drafts in this clinic, newest first, with who each is for (its "Prepared for", as typed). */
export async function findDrafts(ctx: MemberContext, take = 10) {
  const rows = await db.handoutDraft.findMany({
    where: { clinicId: ctx.clinic.id, userId: ctx.user.id },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, updatedAt: true, data: true },
  });
  return rows.map(({ data, ...d }) => ({ ...d, preparedFor: preparedForOnly.safeParse(data).data?.preparedFor.trim() ?? "" }));
}

export async function getDraft(ctx: MemberContext, draftId: string) {
  const draft = await db.handoutDraft.findFirst({ where: { id: draftId, clinicId: ctx.clinic.id, userId: ctx.user.id } });
  if (!draft) throw new AppError("NOT_FOUND", "That draft no longer exists.");
  return { id: draft.id, updatedAt: draft.updatedAt, state: draftStateSchema.parse(draft.data) };
}
