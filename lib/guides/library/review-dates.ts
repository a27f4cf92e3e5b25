import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditMember } from "@/lib/audit/mutations";
import { MANAGERS, requireRole, type MemberContext } from "@/lib/member-context";
import { Prisma } from "@/lib/generated/prisma/client";
import { DUE_SOON_DAYS } from "@/lib/guides/library/review-status";

// A guide's "review by" date, counted from its last review: the later of the latest version's reviewed date
// (the file's front matter, or the editor's field; the version's own date when it has none) and the last
// "Mark as reviewed" or publish from the editor (Guide.lastReviewedAt), plus the clinic's review cycle
// (Clinic.reviewMonths, 24 by default). Computed on read, so a change of cycle applies at once.

/** SQL for the review-by day of guide g whose latest version is v, on clinic c's cycle. */
export const reviewBySql = (v: string, g: string, months: Prisma.Sql) =>
  Prisma.sql`(GREATEST(COALESCE(${Prisma.raw(`${v}."reviewedAt"`)}, ${Prisma.raw(`${v}."createdAt"`)}::date), COALESCE(${Prisma.raw(`${g}."lastReviewedAt"`)}::date, '-infinity'::date)) + make_interval(months => ${months}))::date`;

export type DueGuide = { id: string; title: string; reviewBy: Date };

/** The clinic's own guides due for review within 30 days or overdue, soonest first: for its managers' home. */
export async function findGuidesDueForReview(ctx: MemberContext): Promise<DueGuide[]> {
  requireRole(ctx, MANAGERS);
  const clinicId = ctx.clinic.id;
  return db.$queryRaw<DueGuide[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (g."id") g."id", v."title", ${reviewBySql("v", "g", Prisma.sql`c."reviewMonths"`)} AS "reviewBy"
      FROM "Guide" g JOIN "GuideVersion" v ON v."guideId" = g."id" JOIN "Clinic" c ON c."id" = g."clinicId"
      WHERE g."clinicId" = ${clinicId}
      ORDER BY g."id", v."version" DESC
    ) due
    WHERE "reviewBy" <= (now() AT TIME ZONE 'UTC')::date + ${DUE_SOON_DAYS}::int
    ORDER BY "reviewBy" ASC, "title" ASC
    LIMIT 50`;
}

export type ReviewInfo = { reviewBy: Date; lastReviewedAt: Date | null; lastReviewedBy: string | null };

/** The review-by date of one guide the clinic can see, and who last marked it reviewed. */
export async function getReviewInfo(ctx: MemberContext, guideId: string): Promise<ReviewInfo> {
  const clinicId = ctx.clinic.id;
  const [row] = await db.$queryRaw<ReviewInfo[]>`
    SELECT ${reviewBySql("v", "g", Prisma.sql`c."reviewMonths"`)} AS "reviewBy", g."lastReviewedAt", u."name" AS "lastReviewedBy"
    FROM "Guide" g JOIN "GuideVersion" v ON v."guideId" = g."id" JOIN "Clinic" c ON c."id" = ${clinicId}
    LEFT JOIN "User" u ON u."id" = g."lastReviewedById"
    WHERE g."id" = ${guideId} AND (g."clinicId" = ${clinicId} OR g."clinicId" IS NULL)
    ORDER BY v."version" DESC LIMIT 1`;
  if (!row) throw new AppError("NOT_FOUND", "Not found.");
  return row;
}

/** OWNER/ADMIN record that they reviewed one of their clinic's own guides today: audited, moves the date. */
export async function markGuideReviewed(ctx: MemberContext, guideId: string): Promise<void> {
  requireRole(ctx, MANAGERS);
  await db.$transaction(async (tx) => {
    const updated = await tx.guide.updateMany({
      where: { id: guideId, clinicId: ctx.clinic.id },
      data: { lastReviewedAt: new Date(), lastReviewedById: ctx.user.id },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "That guide is not one of your clinic's own guides.");
    await auditMember(ctx, { action: "guide.reviewed", targetType: "guide", targetId: guideId }, tx);
  });
}
