-- AlterTable
ALTER TABLE "Handout" ADD COLUMN     "templateId" TEXT,
ADD COLUMN     "templateName" TEXT;

-- CreateTable
CREATE TABLE "ClinicLogo" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClinicLogo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "guideVersionId" TEXT NOT NULL,
    "sectionKeys" TEXT[],
    "notes" TEXT NOT NULL,
    "largePrint" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "timesUsed" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClinicLogo_clinicId_key" ON "ClinicLogo"("clinicId");

-- CreateIndex
CREATE INDEX "Template_clinicId_timesUsed_idx" ON "Template"("clinicId", "timesUsed" DESC);

-- AddForeignKey
ALTER TABLE "ClinicLogo" ADD CONSTRAINT "ClinicLogo_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
