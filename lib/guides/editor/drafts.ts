import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { importGuide } from "@/lib/guides/import/store";
import { unlockRedFlags } from "@/lib/guides/locks";
import { slugify } from "@/lib/guides/slugify";
import { versionAsDraft } from "@/lib/guides/editor/draft-from-version";
import { draftContentSchema, type DraftContent } from "@/lib/guides/editor/draft-schemas";
import { checkDraft } from "@/lib/guides/editor/draft-validation";
import { hasIssues, type DraftIssues } from "@/lib/guides/editor/draft-issues";
import { processGuideImage } from "@/lib/guides/library/images";
import { imageIdsIn } from "@/lib/guides/blocks";
import type { Prisma } from "@/lib/generated/prisma/client";

// A clinic's own guide written in the portal. Only OWNER/ADMIN, only their own clinic's guides (the shared
// library is changed by the import command alone), one draft per guide shared by its editors.

const NEW_GUIDE: DraftContent = {
  title: "",
  summary: "",
  source: "",
  reviewed: "",
  language: "en",
  level: "standard",
  codes: "",
  sections: [{ title: "", markdown: "", required: false, keepUnlocked: false }],
};

// `by`: who saved in between; "you" when it was the same person (another tab or window of theirs).
const conflict = (by: string | null | "you", at: Date) => {
  const time = `${at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" })} UTC`;
  return new AppError(
    "CONFLICT",
    by === "you"
      ? `You saved this draft in another tab or window at ${time}, after this page opened it, so these changes were not saved. Copy what you changed here, reload the page to see what you saved there, and add these changes again.`
      : `${by ?? "Someone else"} saved this draft at ${time}, after you opened it, so your changes were not saved. Copy what you changed, reload the page to see their version, and add your changes again.`,
  );
};

/** A new guide's draft; nothing is in the library until it is published. */
export async function createGuideDraft(ctx: MemberContext): Promise<{ id: string }> {
  requireRole(ctx, MANAGERS);
  return db.guideDraft.create({
    data: { clinicId: ctx.clinic.id, content: NEW_GUIDE, updatedById: ctx.user.id },
    select: { id: true },
  });
}

/** The draft of one of the clinic's own guides: the one being edited, or a new one from its latest version. */
export async function openGuideDraft(ctx: MemberContext, guideId: string): Promise<{ id: string }> {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const existing = await db.guideDraft.findFirst({ where: { guideId, clinicId }, select: { id: true } });
  if (existing) return existing;
  const latest = await db.guideVersion.findFirst({
    where: { guideId, guide: { clinicId } },
    orderBy: { version: "desc" },
    select: { id: true, guide: { select: { variantOfId: true } } },
  });
  if (!latest) throw new AppError("NOT_FOUND", "That guide is not one of your clinic's own guides.");
  // A variant's sections are matched to its original's keys by the importer's variant rules, which the
  // editor does not carry yet: variants stay with the import, so a publish cannot detach one.
  if (latest.guide.variantOfId)
    throw new AppError(
      "BAD_REQUEST",
      "This guide is a variant (another language or reading level) of another guide: edit its Markdown file and import it again.",
    );
  const content = await versionAsDraft(latest.id);
  try {
    return await db.guideDraft.create({
      data: { clinicId, guideId, baseVersionId: latest.id, content, updatedById: ctx.user.id },
      select: { id: true },
    });
  } catch (err) {
    // Two managers pressed Edit at once: both get the one draft.
    if ((err as { code?: string }).code === "P2002")
      return db.guideDraft.findFirstOrThrow({ where: { guideId, clinicId }, select: { id: true } });
    throw err;
  }
}

/** The clinic's guide drafts, newest first: where managers pick up their work again. */
export async function findGuideDrafts(
  ctx: MemberContext,
): Promise<{ id: string; title: string; updatedAt: Date; isNew: boolean }[]> {
  requireRole(ctx, MANAGERS);
  const rows = await db.guideDraft.findMany({
    where: { clinicId: ctx.clinic.id },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, guideId: true, content: true, updatedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    title: draftContentSchema.parse(r.content).title || "Untitled guide",
    updatedAt: r.updatedAt,
    isNew: r.guideId === null,
  }));
}

/** The draft for the editor, with its pictures (no bytes). */
export async function getGuideDraft(ctx: MemberContext, draftId: string) {
  requireRole(ctx, MANAGERS);
  const draft = await db.guideDraft.findFirst({
    where: { id: draftId, clinicId: ctx.clinic.id },
    select: {
      id: true,
      guideId: true,
      revision: true,
      content: true,
      updatedAt: true,
      updatedById: true,
      guide: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } } },
    },
  });
  if (!draft)
    throw new AppError("NOT_FOUND", "That draft is not there any more: it may have been published or discarded.");
  const images = await db.guideImage.findMany({
    where: {
      clinicId: ctx.clinic.id,
      OR: [{ draftId }, ...(draft.guideId ? [{ guideId: draft.guideId, draftId: null }] : [])],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, width: true, height: true },
  });
  return {
    id: draft.id,
    guideId: draft.guideId,
    revision: draft.revision,
    updatedAt: draft.updatedAt,
    latestVersion: draft.guide?.versions[0]?.version ?? 0,
    content: draftContentSchema.parse(draft.content),
    images,
  };
}

/** `image:<id>` for every picture the draft may show: its own uploads and its guide's published pictures. */
async function imageRefs(
  ctx: MemberContext,
  draft: { id: string; guideId: string | null },
  tx: Tx = db,
): Promise<Record<string, string>> {
  const rows = await tx.guideImage.findMany({
    where: {
      clinicId: ctx.clinic.id,
      OR: [{ draftId: draft.id }, ...(draft.guideId ? [{ guideId: draft.guideId, draftId: null }] : [])],
    },
    select: { id: true },
  });
  return Object.fromEntries(rows.map((r) => [`image:${r.id}`, r.id]));
}

async function findDraftRow(ctx: MemberContext, draftId: string, tx: Tx = db) {
  const draft = await tx.guideDraft.findFirst({
    where: { id: draftId, clinicId: ctx.clinic.id },
    select: { id: true, guideId: true, revision: true, updatedAt: true, updatedById: true, content: true },
  });
  if (!draft)
    throw new AppError("NOT_FOUND", "That draft is not there any more: it may have been published or discarded.");
  return draft;
}

async function refuseStale(
  ctx: MemberContext,
  draft: { revision: number; updatedAt: Date; updatedById: string },
  revision: number,
): Promise<void> {
  if (draft.revision === revision) return;
  if (draft.updatedById === ctx.user.id) throw conflict("you", draft.updatedAt);
  const by = await db.user.findUnique({ where: { id: draft.updatedById }, select: { name: true } });
  throw conflict(by?.name ?? null, draft.updatedAt);
}

export type SaveResult = {
  revision: number;
  issues: DraftIssues;
  grades: { title: string; grade: number; words: number }[];
  warnings: string[];
};

/**
 * Saves the whole draft if nobody saved it since `revision` (the second of two concurrent saves is refused,
 * never lost silently), and reports the importer's validation. A draft may be saved with problems; it
 * cannot be published with them.
 */
export async function saveGuideDraft(
  ctx: MemberContext,
  input: { draftId: string; revision: number; content: DraftContent },
): Promise<SaveResult> {
  requireRole(ctx, MANAGERS);
  const draft = await findDraftRow(ctx, input.draftId);
  await refuseStale(ctx, draft, input.revision);
  const check = await checkDraft(input.content, await imageRefs(ctx, draft), ctx.clinic.id);
  // The revision is part of the where-clause: between the read above and this write, only one save wins.
  const saved = await db.guideDraft.updateMany({
    where: { id: draft.id, clinicId: ctx.clinic.id, revision: input.revision },
    data: { content: input.content as Prisma.InputJsonValue, revision: { increment: 1 }, updatedById: ctx.user.id },
  });
  if (saved.count === 0) await refuseStale(ctx, await findDraftRow(ctx, input.draftId), input.revision);
  return {
    revision: input.revision + 1,
    issues: check.issues,
    grades: check.guide?.sections.map((s) => ({ title: s.title, grade: s.grade, words: s.words })) ?? [],
    warnings: check.warnings,
  };
}

/**
 * Publishes the saved draft as the guide's next immutable version (a new guide's first), in one
 * transaction: the version, its pictures handed from the draft to the guide, the draft's end, the audit
 * event. Refused, with nothing stored, while the importer finds a problem or when someone saved since.
 */
export async function publishGuideDraft(
  ctx: MemberContext,
  input: { draftId: string; revision: number },
): Promise<{ guideId: string; version: number; unchanged: boolean }> {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  const draft = await findDraftRow(ctx, input.draftId);
  await refuseStale(ctx, draft, input.revision);
  const content = draftContentSchema.parse(draft.content);
  const check = await checkDraft(content, await imageRefs(ctx, draft), ctx.clinic.id);
  if (!check.guide || hasIssues(check.issues)) {
    throw new AppError("BAD_REQUEST", "The guide was not published: fix the problems shown and save again.", {
      ...Object.fromEntries(Object.entries(check.issues.fields).filter(([, v]) => v && v.length > 0)),
      ...(check.issues.general.length ? { general: check.issues.general } : {}),
      ...Object.fromEntries(check.issues.sections.flatMap((list, i) => (list.length ? [[`section-${i}`, list]] : []))),
    });
  }
  const keepUnlocked = content.sections.filter((s) => s.keepUnlocked).map((s) => slugify(s.title));
  const guide = { ...check.guide, sections: unlockRedFlags(check.guide.sections, keepUnlocked) };
  const used = [...new Set(guide.sections.flatMap((s) => imageIdsIn(s.blocks)))];

  return db.$transaction(async (tx) => {
    // Locks the draft: a save or a second Publish waits, then finds the revision moved on or the draft gone.
    const [locked] = await tx.$queryRaw<{ revision: number; updatedAt: Date; updatedById: string }[]>`
      SELECT "revision", "updatedAt", "updatedById" FROM "GuideDraft" WHERE "id" = ${draft.id} AND "clinicId" = ${clinicId} FOR UPDATE`;
    if (!locked)
      throw new AppError("NOT_FOUND", "That draft is not there any more: it may have been published or discarded.");
    await refuseStale(ctx, locked, input.revision);
    if (!draft.guideId) {
      const taken = await tx.guide.findFirst({ where: { clinicId, key: slugify(guide.title) }, select: { id: true } });
      if (taken)
        throw new AppError(
          "BAD_REQUEST",
          "Your library already has a guide with this title: open that guide and edit it, or give this one another title.",
          { title: ["A guide with this title is already in your library."] },
        );
    }
    const result = await importGuide(tx, guide, {
      clinicId,
      importedBy: ctx.user.id,
      guideId: draft.guideId ?? undefined,
    });
    await tx.guideImage.updateMany({
      where: { id: { in: used }, clinicId, draftId: draft.id },
      data: { draftId: null, guideId: result.guideId },
    });
    // Publishing from the editor is a review: it moves the review-by date (lib/guides/library/review-dates.ts).
    await tx.guide.updateMany({
      where: { id: result.guideId, clinicId },
      data: { lastReviewedAt: new Date(), lastReviewedById: ctx.user.id },
    });
    // Deleting the draft deletes the pictures it uploaded but no version shows.
    await tx.guideDraft.delete({ where: { id: draft.id } });
    await auditMember(
      ctx,
      {
        action: "guide.published",
        targetType: "guide",
        targetId: result.guideId,
        metadata: { version: result.version, title: guide.title, unchanged: result.unchanged },
      },
      tx,
    );
    return { guideId: result.guideId, version: result.version, unchanged: result.unchanged };
  });
}

/** Drops the draft and the pictures only it used; the published versions stay as they are. */
export async function discardGuideDraft(ctx: MemberContext, draftId: string): Promise<{ guideId: string | null }> {
  requireRole(ctx, MANAGERS);
  return db.$transaction(async (tx) => {
    const draft = await findDraftRow(ctx, draftId, tx);
    await tx.guideDraft.deleteMany({ where: { id: draft.id, clinicId: ctx.clinic.id } });
    await auditMember(
      ctx,
      {
        action: "guide.draft_discarded",
        targetType: "guide",
        targetId: draft.guideId ?? undefined,
        metadata: { title: draftContentSchema.parse(draft.content).title },
      },
      tx,
    );
    return { guideId: draft.guideId };
  });
}

/** Checks, re-encodes and stores an uploaded picture in the draft; a refused file stores nothing. */
export async function addDraftImage(
  ctx: MemberContext,
  draftId: string,
  bytes: Buffer,
  declared: { name?: string; type?: string },
) {
  requireRole(ctx, MANAGERS);
  const draft = await findDraftRow(ctx, draftId);
  const image = await processGuideImage(bytes, declared);
  return db.guideImage.create({
    data: {
      clinicId: ctx.clinic.id,
      draftId: draft.id,
      format: image.format,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      data: new Uint8Array(image.data),
    },
    select: { id: true, width: true, height: true },
  });
}
