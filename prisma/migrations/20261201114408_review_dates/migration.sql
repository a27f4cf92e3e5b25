-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "reviewMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "Guide" ADD COLUMN     "lastReviewedAt" TIMESTAMP(3),
ADD COLUMN     "lastReviewedById" TEXT;
