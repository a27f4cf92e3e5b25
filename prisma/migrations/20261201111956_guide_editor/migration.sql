-- CreateTable
CREATE TABLE "GuideDraft" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "guideId" TEXT,
    "baseVersionId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "content" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuideDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuideImage" (
    "id" TEXT NOT NULL,
    "clinicId" TEXT NOT NULL,
    "guideId" TEXT,
    "draftId" TEXT,
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuideImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuideDraft_guideId_key" ON "GuideDraft"("guideId");

-- CreateIndex
CREATE INDEX "GuideDraft_clinicId_idx" ON "GuideDraft"("clinicId");

-- CreateIndex
CREATE INDEX "GuideImage_clinicId_guideId_idx" ON "GuideImage"("clinicId", "guideId");

-- CreateIndex
CREATE INDEX "GuideImage_draftId_idx" ON "GuideImage"("draftId");

-- AddForeignKey
ALTER TABLE "GuideDraft" ADD CONSTRAINT "GuideDraft_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideDraft" ADD CONSTRAINT "GuideDraft_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Guide"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideImage" ADD CONSTRAINT "GuideImage_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideImage" ADD CONSTRAINT "GuideImage_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Guide"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideImage" ADD CONSTRAINT "GuideImage_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "GuideDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published image is shared by every version whose blocks name it: its bytes never change.
CREATE FUNCTION guide_image_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW."data" IS DISTINCT FROM OLD."data" OR NEW."sha256" IS DISTINCT FROM OLD."sha256" OR NEW."format" IS DISTINCT FROM OLD."format" THEN
    RAISE EXCEPTION 'GuideImage bytes cannot be changed';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER guide_image_immutable BEFORE UPDATE ON "GuideImage" FOR EACH ROW EXECUTE FUNCTION guide_image_immutable();
