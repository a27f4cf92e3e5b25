-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('LINK', 'ATTACHMENT');

-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "linkDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "linksByDefault" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "mode" "DeliveryMode" NOT NULL DEFAULT 'ATTACHMENT';

-- CreateTable
CREATE TABLE "PatientLink" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "handoutId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "firstOpenedAt" TIMESTAMP(3),
    "lastOpenedAt" TIMESTAMP(3),
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "lastOpenAuditAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatientLink_handoutId_key" ON "PatientLink"("handoutId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientLink_tokenHash_key" ON "PatientLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PatientLink_clinicId_idx" ON "PatientLink"("clinicId");

-- AddForeignKey
ALTER TABLE "PatientLink" ADD CONSTRAINT "PatientLink_handoutId_fkey" FOREIGN KEY ("handoutId") REFERENCES "Handout"("id") ON DELETE CASCADE ON UPDATE CASCADE;
