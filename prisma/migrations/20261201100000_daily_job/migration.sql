-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastClinicId" TEXT;
-- AlterTable
ALTER TABLE "Handout" ADD COLUMN     "requestKey" TEXT;
-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "contactOverrides" JSONB NOT NULL DEFAULT '{}';
-- CreateTable
CREATE TABLE "HandoutVoid" (
    "handoutId" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "voidedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HandoutVoid_pkey" PRIMARY KEY ("handoutId")
);
-- CreateTable
CREATE TABLE "HandoutDraft" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "HandoutDraft_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "HandoutVoid_clinicId_idx" ON "HandoutVoid"("clinicId");
-- CreateIndex
CREATE INDEX "HandoutDraft_clinicId_userId_updatedAt_idx" ON "HandoutDraft"("clinicId", "userId", "updatedAt" DESC);
-- CreateIndex
CREATE INDEX "HandoutDraft_updatedAt_idx" ON "HandoutDraft"("updatedAt");
-- CreateIndex
CREATE UNIQUE INDEX "Handout_clinicId_requestKey_key" ON "Handout"("clinicId", "requestKey");
-- AddForeignKey
ALTER TABLE "HandoutVoid" ADD CONSTRAINT "HandoutVoid_handoutId_fkey" FOREIGN KEY ("handoutId") REFERENCES "Handout"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "HandoutDraft" ADD CONSTRAINT "HandoutDraft_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "HandoutDraft" ADD CONSTRAINT "HandoutDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A void is final: it cannot be edited or withdrawn.
CREATE TRIGGER "HandoutVoid_immutable" BEFORE UPDATE ON "HandoutVoid" FOR EACH ROW EXECUTE FUNCTION refuse_update_immutable();
CREATE TRIGGER "HandoutVoid_no_delete" BEFORE DELETE ON "HandoutVoid" FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete_record();
