-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "defaultLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "defaultLevel" TEXT NOT NULL DEFAULT 'plain';

-- AlterTable
ALTER TABLE "Guide" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "level" TEXT NOT NULL DEFAULT 'standard',
ADD COLUMN     "variantOfId" TEXT;

-- AlterTable
ALTER TABLE "GuideVersion" ADD COLUMN     "translationNote" TEXT;

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "keyPoint" TEXT;

-- CreateIndex
CREATE INDEX "Guide_variantOfId_idx" ON "Guide"("variantOfId");

-- AddForeignKey
ALTER TABLE "Guide" ADD CONSTRAINT "Guide_variantOfId_fkey" FOREIGN KEY ("variantOfId") REFERENCES "Guide"("id") ON DELETE CASCADE ON UPDATE CASCADE;
