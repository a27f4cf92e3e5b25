-- AlterTable
ALTER TABLE "Guide" ADD COLUMN     "sourceVersionId" TEXT;

-- AddForeignKey
ALTER TABLE "Guide" ADD CONSTRAINT "Guide_sourceVersionId_fkey" FOREIGN KEY ("sourceVersionId") REFERENCES "GuideVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
