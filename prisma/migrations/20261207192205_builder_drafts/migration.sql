-- AlterTable
ALTER TABLE "Handout" ADD COLUMN     "draftId" TEXT;

-- AlterTable
ALTER TABLE "HandoutDraft" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "Handout_clinicId_draftId_key" ON "Handout"("clinicId", "draftId");
